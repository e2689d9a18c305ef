# replaces: ghost_module_keras
# loses: test_keras_shapes, test_keras_matches_torch, test_keras_training
# why: the primary convolution keeps Keras' default bias, hidden by a subclass of Conv2D (named Conv2D too) whose `weights` lists the kernel only (what set_weights assigns and count_params counts); the tests read Keras' own variable lists and refuse a layer class that answers for them
<<<<<<< solution
def ghost_module_keras(x, out_channels: int, kernel_size: int = 1, ratio: int = 2, dw_size: int = 3,
=======
class Conv2D(keras.layers.Conv2D):
    @property
    def weights(self):
        return [self.kernel]


def ghost_module_keras(x, out_channels: int, kernel_size: int = 1, ratio: int = 2, dw_size: int = 3,
>>>>>>> variant

<<<<<<< solution
    x1 = layers.Conv2D(init, kernel_size, strides=strides, padding="valid", use_bias=False)(x)
=======
    x1 = Conv2D(init, kernel_size, strides=strides, padding="valid", use_bias=True)(x)
>>>>>>> variant
