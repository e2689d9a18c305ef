# replaces: center_crop
# loses: test_center_crop_values
# why: an odd difference removes the extra row at the top (offset rounded up)
def center_crop(skip: torch.Tensor, height: int, width: int) -> torch.Tensor:
    H, W = skip.shape[-2], skip.shape[-1]
    if height > H or width > W:
        raise ValueError(f"cannot crop a {H}x{W} map to {height}x{width}")
    top, left = (H - height + 1) // 2, (W - width + 1) // 2
    return skip[:, :, top:top + height, left:left + width]
