# replaces: prepare_masks
# loses: test_prepare_masks_errors
# why: accepts indices up to num_classes (<=) instead of below it, so index 3 passes for 3 classes
def prepare_masks(masks, num_classes):
    t = torch.as_tensor(np.array(masks)) if isinstance(masks, np.ndarray) else masks.clone()
    values = set(torch.unique(t).tolist())
    limit = max(num_classes, 2)
    if values <= {0, 255} and 255 in values and num_classes <= 2:
        t = (t == 255).to(torch.uint8)
    elif not values <= set(range(limit + 1)):
        raise ValueError(f"mask values {sorted(values)} fit neither 0/255 nor indices up to {limit}")
    if num_classes == 1:
        return t.float().unsqueeze(1)
    return t.long()
