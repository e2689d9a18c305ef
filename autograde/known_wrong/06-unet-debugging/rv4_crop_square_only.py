# replaces: center_crop
# loses: test_center_crop_values, test_unet_shapes, test_unet_forward
# why: assumes square maps: the row offset and the height are used for the columns too
def center_crop(skip: torch.Tensor, height: int, width: int) -> torch.Tensor:
    H, W = skip.shape[-2], skip.shape[-1]
    if height > H or width > W:
        raise ValueError(f"cannot crop a {H}x{W} map to {height}x{width}")
    top, left = (H - height) // 2, (W - width) // 2
    return skip[:, :, top:top + height, top:top + height]
