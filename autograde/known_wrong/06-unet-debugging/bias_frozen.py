# replaces: init_output_bias
# loses: test_bias_in_place
# why: switches requires_grad off to be allowed to write in place, and leaves it off: the bias never trains
<<<<<<< solution
    with torch.no_grad():                  # an in-place change of a parameter, outside autograd
        head.bias.copy_(values)
=======
    head.bias.requires_grad_(False)
    head.bias.copy_(values)
>>>>>>> variant
