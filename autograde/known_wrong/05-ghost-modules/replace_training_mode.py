# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: new modules start in training mode even inside a model in eval mode: its BatchNorm uses batch statistics at inference
<<<<<<< solution
            replacements[conv] = ghost.to(conv.weight.device, conv.weight.dtype).train(conv.training)
=======
            replacements[conv] = ghost.to(conv.weight.device, conv.weight.dtype)
>>>>>>> variant
