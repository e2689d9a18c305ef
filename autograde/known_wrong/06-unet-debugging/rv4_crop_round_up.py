# replaces: center_crop
# loses: test_center_crop_values
# why: an odd difference removes the extra row at the top (offset rounded up)
<<<<<<< solution
    top, left = (h - height) // 2, (w - width) // 2
=======
    top, left = (h - height + 1) // 2, (w - width + 1) // 2
>>>>>>> variant
