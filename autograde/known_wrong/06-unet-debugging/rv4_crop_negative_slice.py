# replaces: center_crop
# loses: test_center_crop_values, test_unet_shapes, test_unet_forward
# why: slices skip[..., d:-d]: empty when the sizes are equal, one row too many for an odd difference
<<<<<<< solution
    return skip[..., top:top + height, left:left + width]
=======
    return skip[..., top:-top, left:-left]
>>>>>>> variant
