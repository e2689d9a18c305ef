# replaces: keras_bn_from_torch
# why: builds the layer by calling it once on zeros (inference mode) and assigns each variable by name
def keras_bn_from_torch(bn):
    layer = keras.layers.BatchNormalization(axis=3, momentum=1.0 - bn.momentum, epsilon=bn.eps, name="bn_from_torch")
    layer(np.zeros((1, 1, 1, bn.num_features), dtype="float32"), training=False)
    layer.gamma.assign(bn.weight.detach().numpy())
    layer.beta.assign(bn.bias.detach().numpy())
    layer.moving_mean.assign(bn.running_mean.numpy())
    layer.moving_variance.assign(bn.running_var.numpy())
    return layer
