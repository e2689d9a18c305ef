# replaces: torch_conv_weight_to_keras
# loses: test_torch_conv_weight_to_keras
# why: reshape instead of transpose: right shape, scrambled values
def torch_conv_weight_to_keras(weight):
    out_c, in_c, kh, kw = weight.shape
    return weight.detach().numpy().reshape(kh, kw, in_c, out_c)
