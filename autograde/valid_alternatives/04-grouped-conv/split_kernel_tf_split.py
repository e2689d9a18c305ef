# replaces: split_grouped_kernel
# why: tf.split returns TensorFlow tensors instead of NumPy arrays
def split_grouped_kernel(kernel, groups):
    return tf.split(tf.convert_to_tensor(kernel), groups, axis=-1)
