# replaces: prepare_masks
# loses: test_prepare_masks_binary
# why: one class: foreground is "== 255", so a binary mask already stored as 0/1 becomes all background
def prepare_masks(masks, num_classes):
    t = torch.as_tensor(np.array(masks)) if isinstance(masks, np.ndarray) else masks.clone()
    values = set(torch.unique(t).tolist())
    limit = max(num_classes, 2)
    if not (values <= {0, 255} or values <= set(range(limit))):
        raise ValueError(f"mask values {sorted(values)} fit neither 0/255 nor indices below {limit}")
    if num_classes == 1:
        return (t == 255).float().unsqueeze(1)
    if 255 in values:
        if num_classes != 2:
            raise ValueError("0/255 masks need num_classes 1 or 2")
        t = (t == 255)
    return t.long()
