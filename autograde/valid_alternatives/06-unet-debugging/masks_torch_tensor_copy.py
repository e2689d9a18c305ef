# replaces: prepare_masks
# why: copies the input with torch.tensor(masks) (a tensor input makes PyTorch print a UserWarning suggesting clone().detach(); the result is right) and works with torch.where
def prepare_masks(masks, num_classes: int) -> torch.Tensor:
    masks = torch.tensor(masks)
    present = torch.unique(masks)
    if bool((present < max(num_classes, 2)).all()):
        labels = masks.to(torch.int64)
    elif num_classes <= 2 and bool(((present == 0) | (present == 255)).all()):
        labels = torch.where(masks == 255, 1, 0).to(torch.int64)
    else:
        raise ValueError(f"unexpected mask values {present.tolist()} for {num_classes} classes")
    if num_classes == 1:
        return labels.unsqueeze(1).to(torch.float32)
    return labels
