# replaces: center_crop
# loses: test_center_crop_values, test_unet_shapes, test_unet_forward
# why: slices skip[..., d:-d]: empty when the sizes are equal, one row too many for an odd difference
def center_crop(skip: torch.Tensor, height: int, width: int) -> torch.Tensor:
    H, W = skip.shape[-2], skip.shape[-1]
    if height > H or width > W:
        raise ValueError(f"cannot crop a {H}x{W} map to {height}x{width}")
    top, left = (H - height) // 2, (W - width) // 2
    return skip[:, :, top:-top, left:-left]
