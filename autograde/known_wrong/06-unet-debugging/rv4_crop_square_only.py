# replaces: center_crop
# loses: test_center_crop_values, test_unet_shapes, test_unet_forward
# why: assumes square maps: the row offset and the height are used for the columns too
<<<<<<< solution
    return skip[..., top:top + height, left:left + width]
=======
    return skip[..., top:top + height, top:top + height]
>>>>>>> variant
