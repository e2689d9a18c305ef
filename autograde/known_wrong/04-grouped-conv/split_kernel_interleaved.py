# replaces: split_grouped_kernel
# loses: test_split_kernel_equivalence
# why: takes every g-th output channel (kernel[..., j::g]) although Conv2D(groups=g) gives each group a consecutive block
<<<<<<< solution
    per_group = kernel.shape[-1] // groups
    return [kernel[..., j * per_group:(j + 1) * per_group] for j in range(groups)]
=======
    return [kernel[..., j::groups] for j in range(groups)]
>>>>>>> variant
