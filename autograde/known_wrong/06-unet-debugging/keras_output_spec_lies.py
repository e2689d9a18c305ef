# replaces: unet_keras
# loses: test_keras_params, test_keras_outputs, test_keras_values
# why: the U-Net's output cropped by an eighth on each side (the paper's unpadded U-Net gives a smaller map than its input) in a Model subclass whose compute_output_spec claims the input's height and width: the symbolic shape says what the model claims, an eager call shows what it computes
<<<<<<< solution
def unet_keras(input_shape, num_classes: int, base_filters: int = 64, depth: int = 4) -> keras.Model:
=======
class _ClaimsInputSize(keras.Model):
    def compute_output_spec(self, inputs, *args, **kwargs):
        return keras.KerasTensor(tuple(inputs.shape[:3]) + (self.outputs[0].shape[-1],))


def unet_keras(input_shape, num_classes: int, base_filters: int = 64, depth: int = 4) -> keras.Model:
>>>>>>> variant

<<<<<<< solution
    return keras.Model(inputs, outputs)
=======
    outputs = L.Cropping2D((input_shape[0] // 8, input_shape[1] // 8))(outputs)
    return _ClaimsInputSize(inputs, outputs)
>>>>>>> variant
