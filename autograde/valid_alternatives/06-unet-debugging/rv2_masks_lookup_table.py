# replaces: prepare_masks
# why: a 256-entry lookup table in torch (-1 marks a value the format does not allow); copies the input first
def prepare_masks(masks, num_classes: int) -> torch.Tensor:
    m = torch.tensor(np.array(masks, dtype=np.uint8, copy=True)).long()
    classes = max(num_classes, 2)
    present = torch.bincount(m.reshape(-1), minlength=256) > 0
    table = torch.full((256,), -1, dtype=torch.long)
    if classes == 2 and not present[1:255].any():
        table[0], table[255] = 0, 1
    else:
        table[:classes] = torch.arange(classes)
    out = table[m]
    if (out < 0).any():
        bad = torch.nonzero(present & (table < 0)).reshape(-1).tolist()
        raise ValueError(f"mask values {bad} fit neither 0/255 nor 0..{classes - 1}")
    return out.unsqueeze(1).float() if num_classes == 1 else out
