# replaces: grouped_conv2d
# why: one dense groups=1 convolution with a block-diagonal weight (zeros between groups): same function, more FLOPs
def grouped_conv2d(x, weight, bias=None, groups=1, stride=1, padding=0):
    c_out, cin_g = weight.shape[0], weight.shape[1]
    cout_g = c_out // groups
    dense = weight.new_zeros(c_out, cin_g * groups, *weight.shape[2:])
    for j in range(groups):
        dense[j * cout_g:(j + 1) * cout_g, j * cin_g:(j + 1) * cin_g] = weight[j * cout_g:(j + 1) * cout_g]
    return F.conv2d(x, dense, bias, stride=stride, padding=padding)
