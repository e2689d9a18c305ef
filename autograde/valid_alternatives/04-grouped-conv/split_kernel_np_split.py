# replaces: split_grouped_kernel
# why: np.split along the last axis
def split_grouped_kernel(kernel, groups):
    return np.split(np.asarray(kernel), groups, axis=-1)
