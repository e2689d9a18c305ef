# replaces: prepare_masks
# loses: test_prepare_masks_multiclass
# why: works in NumPy and returns what it computed: a NumPy array (not a tensor) for NumPy input
def prepare_masks(masks, num_classes: int):
    is_tensor = isinstance(masks, torch.Tensor)
    m = masks.numpy() if is_tensor else np.asarray(masks)
    values = set(np.unique(m).tolist())
    classes = max(num_classes, 2)
    if classes == 2 and values <= {0, 255}:
        m = (m == 255).astype(np.int64)
    elif values <= set(range(classes)):
        m = m.astype(np.int64)
    else:
        raise ValueError(f"mask values {sorted(values)}")
    out = m[:, None].astype(np.float32) if num_classes == 1 else m
    return torch.from_numpy(out) if is_tensor else out
