# replaces: unet_keras
# loses: test_keras_values
# why: concatenates [up, skip] (the order of the authors' release) against the course's [skip, up]: same shapes and parameters, so a port of weights by layer order reads the wrong channels
<<<<<<< solution
        x = two_convs(L.Concatenate(axis=-1)([skips[level], up]), filters)
=======
        x = two_convs(L.Concatenate(axis=-1)([up, skips[level]]), filters)
>>>>>>> variant
