# replaces: prepare_masks
# loses: test_prepare_masks_errors
# why: off by one: an index equal to num_classes is accepted
def prepare_masks(masks, num_classes: int) -> torch.Tensor:
    t = masks.clone() if torch.is_tensor(masks) else torch.as_tensor(np.array(masks))
    t = t.long()
    values = set(torch.unique(t).tolist())
    k = max(num_classes, 2)
    if values <= set(range(k + 1)):
        index = t
    elif values <= {0, 255} and k == 2:
        index = (t == 255).long()
    else:
        raise ValueError(f"mask values {sorted(values)} are neither 0/255 nor class indices below {k}")
    if num_classes == 1:
        return index.float().unsqueeze(1)
    return index
