# replaces: prepare_masks
# loses: test_prepare_masks_binary, test_prepare_masks_multiclass
# why: rewrites 255 as 1 in place on torch.as_tensor(masks), which is the caller's own uint8 tensor or shares the memory of the caller's NumPy array: after the call the caller's mask files read 0/1 (an overlay or a second call with num_classes=2 sees other data); the two-class tests never look at their input again, so only the one-class test notices
def prepare_masks(masks, num_classes: int) -> torch.Tensor:
    labels = torch.as_tensor(masks)
    values = set(torch.unique(labels).tolist())
    if num_classes <= 2 and values <= {0, 255} and 255 in values:
        labels[labels == 255] = 1
    elif not values <= set(range(max(num_classes, 2))):
        raise ValueError(f"mask values {sorted(values)} are neither 0/255 nor class indices below {num_classes}")
    if num_classes == 1:
        return labels.unsqueeze(1).float()
    return labels.long()
