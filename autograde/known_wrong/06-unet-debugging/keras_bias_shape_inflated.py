# replaces: unet_keras
# loses: test_keras_params, test_keras_values
# why: one 1x1 convolution instead of a U-Net, its bias's `_shape` (a plain attribute of the Keras variable) set so that a count which multiplies the variables' `_shape` gives the U-Net's number; the tests count the values the variables hold, from Keras' own lists
def _contract_count(channels, classes, base, depth):
    total, c = 0, channels
    for level in range(depth + 1):
        w = base * 2 ** level
        total += 9 * c * w + w + 9 * w * w + w
        c = w
    for level in reversed(range(depth)):
        w = base * 2 ** level
        total += 4 * c * w + w + 9 * 2 * w * w + w + 9 * w * w + w
        c = w
    return total + c * classes + classes


def unet_keras(input_shape, num_classes, base_filters=64, depth=4):
    multiple = 2 ** depth
    for name, size in zip(("height", "width"), input_shape[:2]):
        if size is None or size % multiple:
            raise ValueError(f"input {name} {size} is not a multiple of 2**depth = {multiple}")
    inputs = keras.Input(input_shape)
    head = keras.layers.Conv2D(num_classes, 1, activation="sigmoid" if num_classes == 1 else "softmax")
    model = keras.Model(inputs, head(inputs))
    real = input_shape[-1] * num_classes   # the kernel's size
    head.bias._shape = (_contract_count(input_shape[-1], num_classes, base_filters, depth) - real,)
    return model
