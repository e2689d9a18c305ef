# replaces: prepare_masks
# loses: test_prepare_masks_binary, test_prepare_masks_multiclass
# why: divides the caller's array in place (np.asarray shares memory with a NumPy array and a CPU tensor)
def prepare_masks(masks, num_classes: int) -> torch.Tensor:
    m = np.asarray(masks)
    values = set(np.unique(m).tolist())
    classes = max(num_classes, 2)
    if classes == 2 and values <= {0, 255}:
        m //= 255
    elif not values <= set(range(classes)):
        raise ValueError(f"mask values {sorted(values)}")
    t = torch.from_numpy(m.astype(np.int64))
    return t.float()[:, None] if num_classes == 1 else t
