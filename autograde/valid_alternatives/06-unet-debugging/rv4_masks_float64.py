# replaces: prepare_masks
# why: one class returns float64 0.0/1.0 (a float tensor: binary_cross_entropy_with_logits accepts it); indices via torch.where
def prepare_masks(masks, num_classes: int) -> torch.Tensor:
    t = torch.tensor(masks) if not torch.is_tensor(masks) else masks.detach().clone()
    t = t.to(torch.int64)
    limit = max(num_classes, 2)
    if bool(((t >= 0) & (t < limit)).all()):
        labels = t
    elif limit == 2 and bool(((t == 0) | (t == 255)).all()):
        labels = torch.where(t == 255, 1, 0)
    else:
        raise ValueError("mask values fit neither 0/255 nor class indices")
    return labels.unsqueeze(1).to(torch.float64) if num_classes == 1 else labels
