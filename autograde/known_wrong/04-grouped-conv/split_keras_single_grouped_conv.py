# replaces: grouped_conv_split_keras
# loses: test_split_keras_shapes
# why: one Conv2D(groups=groups) computes the same function, but the exercise is the per-group Conv2D layers (and Exercise 4 loads kernels into them)
def grouped_conv_split_keras(x, filters, groups, kernel_size=3, strides=1):
    return keras.layers.Conv2D(filters, kernel_size, strides=strides, padding="same", groups=groups, use_bias=False)(x)
