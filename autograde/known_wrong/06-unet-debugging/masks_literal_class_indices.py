# replaces: prepare_masks
# loses: test_prepare_masks_binary
# why: reads "class indices 0 .. num_classes - 1" literally for one class: the only index is then 0, so a binary mask already stored as 0/1 is refused with ValueError; the contract says 0/1 or 0/255 for one class (indices 0 .. max(num_classes, 2) - 1)
def prepare_masks(masks, num_classes: int) -> torch.Tensor:
    masks = torch.as_tensor(masks)
    values = set(torch.unique(masks).tolist())
    if values <= set(range(num_classes)):
        indices = masks.long()
    elif num_classes <= 2 and values <= {0, 255}:
        indices = (masks == 255).long()
    else:
        raise ValueError(f"mask values {sorted(values)} are neither 0/255 nor class indices 0..{num_classes - 1}")
    return indices.unsqueeze(1).float() if num_classes == 1 else indices
