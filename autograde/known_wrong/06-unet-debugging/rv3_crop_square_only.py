# replaces: center_crop
# loses: test_center_crop_values, test_unet_shapes, test_unet_forward
# why: uses the height for both axes (every map in the lesson is square), so a non-square crop is wrong
def center_crop(skip, height, width):
    H, W = skip.shape[-2:]
    if height > H or width > W:
        raise ValueError(f"cannot crop {H}x{W} to {height}x{width}")
    top = (H - height) // 2
    return skip[:, :, top:top + height, top:top + height]
