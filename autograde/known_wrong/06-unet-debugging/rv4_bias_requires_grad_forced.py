# replaces: init_output_bias
# loses: test_bias_in_place
# why: requires_grad_(False) ... requires_grad_(True): a bias that was frozen comes back trainable
<<<<<<< solution
    with torch.no_grad():                  # an in-place change of a parameter, outside autograd
        head.bias.copy_(values)
=======
    head.bias.requires_grad_(False)
    head.bias.copy_(values)
    head.bias.requires_grad_(True)
>>>>>>> variant
