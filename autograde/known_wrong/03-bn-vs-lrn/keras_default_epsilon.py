# replaces: keras_bn_from_torch
# loses: test_keras_bn_inference
# why: keeps Keras's default epsilon 1e-3 instead of PyTorch's 1e-5; visible when running variances are small
def keras_bn_from_torch(bn):
    layer = keras.layers.BatchNormalization(momentum=1 - bn.momentum)
    layer.build((None, None, None, bn.num_features))
    layer.set_weights([bn.weight.detach().numpy(), bn.bias.detach().numpy(),
                       bn.running_mean.numpy(), bn.running_var.numpy()])
    return layer
