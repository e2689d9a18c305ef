# replaces: center_crop
# loses: test_center_crop_values, test_unet_shapes, test_unet_forward
# why: slices with negative ends (top:-bottom), which returns an empty window when an axis needs no crop
def center_crop(skip, height, width):
    H, W = skip.shape[-2:]
    if height > H or width > W:
        raise ValueError(f"cannot crop {H}x{W} to {height}x{width}")
    top, left = (H - height) // 2, (W - width) // 2
    bottom, right = H - height - top, W - width - left
    return skip[:, :, top:-bottom, left:-right]
