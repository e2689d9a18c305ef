# replaces: prepare_masks
# loses: test_prepare_masks_errors
# why: for one class it accepts "0/1 or 0/255" as one set {0, 1, 255} and maps every non-zero value to 1, so a mask that mixes both encodings (a 0/1 mask with Pascal VOC's 255 = ignore border, the convention of step 0) silently turns the ignored pixels into foreground instead of raising ValueError
def prepare_masks(masks, num_classes: int) -> torch.Tensor:
    masks = torch.as_tensor(masks)
    values = set(torch.unique(masks).tolist())
    if num_classes == 1:
        if not values <= {0, 1, 255}:
            raise ValueError(f"a binary mask holds 0/1 or 0/255, got {sorted(values)}")
        return (masks > 0).float().unsqueeze(1)
    if values <= set(range(num_classes)):
        return masks.long()
    if num_classes == 2 and values <= {0, 255}:
        return (masks == 255).long()
    raise ValueError(f"mask values {sorted(values)} are neither 0/255 nor class indices below {num_classes}")
