# replaces: ghost_module_keras
# why: keras.ops.concatenate and keras.ops.split instead of a Concatenate layer and slicing
<<<<<<< solution
    return layers.Concatenate(axis=-1)([x1, x2])[..., :out_channels]
=======
    both = keras.ops.concatenate([x1, x2], axis=-1)
    if both.shape[-1] == out_channels:
        return both
    return keras.ops.split(both, [out_channels], axis=-1)[0]
>>>>>>> variant
