# replaces: init_output_bias
# loses: test_bias_in_place
# why: replaces head.bias by a new nn.Parameter: the value is right, but an optimizer built before the call keeps training the old, detached bias
<<<<<<< solution
    with torch.no_grad():                  # an in-place change of a parameter, outside autograd
        head.bias.copy_(values)
=======
    head.bias = nn.Parameter(values.to(head.weight.dtype))
>>>>>>> variant
