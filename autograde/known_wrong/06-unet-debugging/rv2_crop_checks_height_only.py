# replaces: center_crop
# loses: test_center_crop_errors
# why: refuses a target taller than the map but silently returns a narrower window for a too-wide target
def center_crop(skip: torch.Tensor, height: int, width: int) -> torch.Tensor:
    H, W = skip.shape[-2:]
    if height > H:
        raise ValueError(f"cannot crop {H} rows to {height}")
    top, left = (H - height) // 2, (W - width) // 2
    return skip[:, :, top:top + height, max(left, 0):max(left, 0) + width]
