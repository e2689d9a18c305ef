# replaces: prepare_masks
# why: all in NumPy (np.unique, np.isin, np.where), converted to torch at the end
def prepare_masks(masks, num_classes: int) -> torch.Tensor:
    array = masks.detach().cpu().numpy() if isinstance(masks, torch.Tensor) else np.asarray(masks)
    array = array.astype(np.int64)          # a copy: the caller's masks stay as they were
    found = np.unique(array)
    limit = max(num_classes, 2)
    if np.all((found >= 0) & (found < limit)):
        labels = array
    elif limit == 2 and np.all(np.isin(found, (0, 255))):
        labels = np.where(array == 255, 1, 0)
    else:
        raise ValueError(f"unexpected mask values {found.tolist()} for {num_classes} class(es)")
    if num_classes == 1:
        return torch.from_numpy(labels[:, None].astype(np.float32))
    return torch.from_numpy(np.ascontiguousarray(labels))
