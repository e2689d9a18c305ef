# replaces: keras_bn_from_torch
# loses: test_keras_bn_inference, test_keras_bn_momentum
# why: hands the vectors over in an assumed order (mean, variance, gamma, beta) rather than Keras's gamma, beta, mean, variance
def keras_bn_from_torch(bn):
    layer = keras.layers.BatchNormalization(momentum=1 - bn.momentum, epsilon=bn.eps)
    layer.build((None, None, None, bn.num_features))
    layer.set_weights([bn.running_mean.numpy(), bn.running_var.numpy(),
                       bn.weight.detach().numpy(), bn.bias.detach().numpy()])
    return layer
