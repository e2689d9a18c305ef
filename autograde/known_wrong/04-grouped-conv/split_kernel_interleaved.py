# replaces: split_grouped_kernel
# loses: test_split_kernel_equivalence
# why: takes every g-th output channel (kernel[..., j::g]) although Conv2D(groups=g) gives each group a consecutive block
def split_grouped_kernel(kernel, groups):
    kernel = to_numpy(kernel)
    return [kernel[..., j::groups] for j in range(groups)]
