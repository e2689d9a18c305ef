# replaces: prepare_masks
# loses: test_prepare_masks_binary, test_prepare_masks_multiclass, test_prepare_masks_errors
# why: writes 1 over 255 in the caller's tensor or array (torch.from_numpy shares its memory)
def prepare_masks(masks, num_classes: int) -> torch.Tensor:
    m = masks if torch.is_tensor(masks) else torch.from_numpy(masks)
    if set(torch.unique(m).tolist()) <= {0, 255}:
        m[m == 255] = 1
    t = m.long()
    values = set(torch.unique(t).tolist())
    k = max(num_classes, 2)
    if values <= set(range(k)):
        index = t
    elif values <= {0, 255} and k == 2:
        index = (t == 255).long()
    else:
        raise ValueError(f"mask values {sorted(values)} are neither 0/255 nor class indices below {k}")
    if num_classes == 1:
        return index.float().unsqueeze(1)
    return index
