# replaces: init_output_bias
# loses: test_bias_in_place
# why: torch.set_grad_enabled(False) instead of a no_grad block: the bias is right, but every later training step of the process runs without gradients
<<<<<<< solution
    with torch.no_grad():                  # an in-place change of a parameter, outside autograd
        head.bias.copy_(values)
=======
    torch.set_grad_enabled(False)
    head.bias.copy_(values)
>>>>>>> variant
