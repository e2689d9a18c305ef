# replaces: ghost_module_keras
# loses: test_keras_shapes, test_keras_matches_torch, test_keras_training
# why: returns the whole concatenation: 34 channels when 33 are asked at ratio 2
<<<<<<< solution
    return layers.Concatenate(axis=-1)([x1, x2])[..., :out_channels]
=======
    return layers.Concatenate(axis=-1)([x1, x2])
>>>>>>> variant
