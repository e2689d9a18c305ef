# replaces: center_crop
# loses: test_center_crop_values
# why: rounds the offset up (ceil) for an odd difference, so the window is one row/column off the documented position
def center_crop(skip, height, width):
    h, w = skip.shape[-2:]
    if height > h or width > w:
        raise ValueError(f"cannot crop {h}x{w} to {height}x{width}")
    top, left = (h - height + 1) // 2, (w - width + 1) // 2
    return skip[..., top:top + height, left:left + width]
