# replaces: center_crop
# loses: test_center_crop_values, test_unet_forward
# why: keeps the top-left window instead of the centre, so the skip no longer lines up with the upsampled map (and the 'valid' U-Net that uses it is wrong)
def center_crop(skip, height, width):
    h, w = skip.shape[-2:]
    if height > h or width > w:
        raise ValueError(f"cannot crop {h}x{w} to {height}x{width}")
    return skip[..., :height, :width]
