# replaces: ghost_module_keras
# why: slices with TensorFlow inside a Lambda layer, uses Activation("relu") and always pads explicitly
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = -(-out_channels // ratio)
    if kernel_size > 1:
        x = keras.layers.ZeroPadding2D(kernel_size // 2)(x)
    primary = keras.layers.Conv2D(init, kernel_size, strides=strides, padding="valid", use_bias=False)(x)
    primary = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(primary)
    if relu:
        primary = keras.layers.Activation("relu")(primary)
    cheap = keras.layers.DepthwiseConv2D(dw_size, strides=1, padding="same", depth_multiplier=ratio - 1,
                                         use_bias=False)(primary)
    cheap = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(cheap)
    if relu:
        cheap = keras.layers.Activation("relu")(cheap)
    both = keras.layers.Concatenate()([primary, cheap])
    return keras.layers.Lambda(lambda t: tf.slice(t, [0, 0, 0, 0], [-1, -1, -1, out_channels]))(both)
