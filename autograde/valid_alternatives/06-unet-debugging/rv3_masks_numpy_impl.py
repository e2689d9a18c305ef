# replaces: prepare_masks
# why: NumPy all the way (np.array copy, np.unique, np.isin), converted to a tensor at the end
def prepare_masks(masks, num_classes):
    if isinstance(masks, torch.Tensor):
        array = masks.detach().cpu().numpy().copy()
    else:
        array = np.array(masks, copy=True)
    values = np.unique(array)
    classes = max(num_classes, 2)
    if np.isin(values, [0, 255]).all() and 255 in values:
        if classes != 2:
            raise ValueError(f"a 0/255 mask holds two classes, not {num_classes}")
        array = (array == 255).astype(np.int64)
    elif np.isin(values, np.arange(classes)).all():
        array = array.astype(np.int64)
    else:
        raise ValueError(f"mask values {values.tolist()} are neither 0/255 nor class indices below {classes}")
    if num_classes == 1:
        return torch.from_numpy(array.astype(np.float32)[:, None])
    return torch.from_numpy(array)
