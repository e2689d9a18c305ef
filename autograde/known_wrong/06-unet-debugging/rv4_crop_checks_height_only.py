# replaces: center_crop
# loses: test_center_crop_errors
# why: raises only when the height is too large; a too-large width is silently clipped by slicing
def center_crop(skip: torch.Tensor, height: int, width: int) -> torch.Tensor:
    H, W = skip.shape[-2], skip.shape[-1]
    if height > H:
        raise ValueError(f"cannot crop a {H}x{W} map to {height}x{width}")
    top, left = (H - height) // 2, (W - width) // 2
    return skip[:, :, top:top + height, left:left + width]
