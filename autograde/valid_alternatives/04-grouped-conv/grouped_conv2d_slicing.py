# replaces: grouped_conv2d
# why: explicit index slicing in a loop, conv via nn.functional with keyword arguments
def grouped_conv2d(x, weight, bias=None, groups=1, stride=1, padding=0):
    cin_g = x.shape[1] // groups
    cout_g = weight.shape[0] // groups
    out = []
    for j in range(groups):
        b = None if bias is None else bias[j * cout_g:(j + 1) * cout_g]
        out.append(F.conv2d(x[:, j * cin_g:(j + 1) * cin_g], weight[j * cout_g:(j + 1) * cout_g], b,
                            stride=stride, padding=padding))
    return torch.cat(out, 1)
