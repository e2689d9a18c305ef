# replaces: keras_bn_from_torch
# loses: test_keras_bn_momentum
# why: copies PyTorch's momentum 0.1 into Keras, where momentum weights the OLD value (0.1 there means 0.9 here)
def keras_bn_from_torch(bn):
    layer = keras.layers.BatchNormalization(momentum=bn.momentum, epsilon=bn.eps)
    layer.build((None, None, None, bn.num_features))
    layer.set_weights([bn.weight.detach().numpy(), bn.bias.detach().numpy(),
                       bn.running_mean.numpy(), bn.running_var.numpy()])
    return layer
