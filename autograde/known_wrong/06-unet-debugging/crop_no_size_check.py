# replaces: center_crop
# loses: test_center_crop_errors
# why: no check of the target size: slicing silently returns a smaller tensor than asked for
def center_crop(skip, height, width):
    h, w = skip.shape[-2:]
    top, left = max((h - height) // 2, 0), max((w - width) // 2, 0)
    return skip[..., top:top + height, left:left + width]
