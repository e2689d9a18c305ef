# replaces: torch_conv_weight_to_keras
# why: permute in PyTorch, then convert (np.transpose and tensor.permute are the same operation)
def torch_conv_weight_to_keras(weight):
    return weight.permute(2, 3, 1, 0).detach().contiguous().numpy()
