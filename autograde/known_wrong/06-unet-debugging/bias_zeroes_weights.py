# replaces: init_output_bias
# loses: test_bias_in_place
# why: also zeroes the head's weights so that the first output is exactly the share: every pixel then starts with the same output and the same gradient
<<<<<<< solution
    with torch.no_grad():                  # an in-place change of a parameter, outside autograd
        head.bias.copy_(values)
=======
    with torch.no_grad():
        head.bias.copy_(values)
        head.weight.zero_()
>>>>>>> variant
