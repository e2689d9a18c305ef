# replaces: prepare_masks
# loses: test_prepare_masks_errors
# why: treats every non-zero value as foreground and never refuses a mask it does not understand (0/128/255, indices >= num_classes)
def prepare_masks(masks, num_classes):
    masks = torch.as_tensor(masks)
    if num_classes == 1:
        return (masks > 0).float().unsqueeze(1)
    if num_classes == 2:
        return (masks > 0).long()
    return masks.long()
