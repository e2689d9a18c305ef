# replaces: torch_conv_weight_to_keras
# loses: test_torch_conv_weight_to_keras
# why: OIHW permuted to IHWO instead of HWIO
def torch_conv_weight_to_keras(weight):
    return weight.detach().numpy().transpose(1, 2, 3, 0)
