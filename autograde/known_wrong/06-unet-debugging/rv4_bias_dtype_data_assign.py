# replaces: init_output_bias
# loses: test_bias_values, test_bias_in_place
# why: head.bias.data = float64 values: the same Parameter object, but its dtype becomes float64
<<<<<<< solution
    with torch.no_grad():                  # an in-place change of a parameter, outside autograd
        head.bias.copy_(values)
=======
    head.bias.data = values                # the same Parameter object, now holding float64 values
>>>>>>> variant
