# replaces: prepare_masks
# loses: test_prepare_masks_errors
# why: turns 0/255 into 0/1 for any number of classes; for C = 3 the contract refuses 255 (an index >= 3)
def prepare_masks(masks, num_classes: int) -> torch.Tensor:
    m = torch.as_tensor(np.asarray(masks))
    values = set(torch.unique(m).tolist())
    classes = max(num_classes, 2)
    if values <= {0, 255}:
        m = (m == 255).to(torch.uint8)
    elif not values <= set(range(classes)):
        raise ValueError(f"mask values {sorted(values)} fit neither 0/255 nor 0..{classes - 1}")
    return m.float()[:, None] if num_classes == 1 else m.long()
