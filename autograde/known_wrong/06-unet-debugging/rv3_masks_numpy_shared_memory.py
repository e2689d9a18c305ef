# replaces: prepare_masks
# loses: test_prepare_masks_binary, test_prepare_masks_multiclass
# why: torch.from_numpy shares the caller's memory, and the 255 -> 1 rewrite in place changes the caller's array
def prepare_masks(masks, num_classes):
    t = torch.from_numpy(masks) if isinstance(masks, np.ndarray) else masks.clone()
    values = set(torch.unique(t).tolist())
    limit = max(num_classes, 2)
    if values <= {0, 255} and 255 in values and num_classes <= 2:
        t[t == 255] = 1
    elif not values <= set(range(limit)):
        raise ValueError(f"mask values {sorted(values)} fit neither 0/255 nor indices below {limit}")
    if num_classes == 1:
        return t.float().unsqueeze(1)
    return t.long()
