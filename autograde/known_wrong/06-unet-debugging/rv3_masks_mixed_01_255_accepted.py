# replaces: prepare_masks
# loses: test_prepare_masks_errors
# why: treats every nonzero value as foreground for one or two classes, so a 0/1 mask that also holds 255 passes
def prepare_masks(masks, num_classes):
    t = torch.as_tensor(np.array(masks)) if isinstance(masks, np.ndarray) else masks.clone()
    values = set(torch.unique(t).tolist())
    if num_classes <= 2:
        if not values <= {0, 1, 255}:
            raise ValueError(f"binary mask values {sorted(values)}")
        t = (t > 0)
        return t.float().unsqueeze(1) if num_classes == 1 else t.long()
    if not values <= set(range(num_classes)):
        raise ValueError(f"index mask values {sorted(values)} not below {num_classes}")
    return t.long()
