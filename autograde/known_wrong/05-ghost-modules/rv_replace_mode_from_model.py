# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: the new Ghost module takes the mode of the whole model (model.training), not of the convolution it replaces: in a model whose frozen backbone was put in eval mode while the head trains, the backbone's new Ghost modules come out in training mode (their BatchNorms then normalise with batch statistics and update their running statistics)
<<<<<<< solution
            replacements[conv] = ghost.to(conv.weight.device, conv.weight.dtype).train(conv.training)
=======
            replacements[conv] = ghost.to(conv.weight.device, conv.weight.dtype).train(model.training)
>>>>>>> variant
