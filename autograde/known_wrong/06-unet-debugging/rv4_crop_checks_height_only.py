# replaces: center_crop
# loses: test_center_crop_errors
# why: raises only when the height is too large; a too-large width is silently clipped by slicing
<<<<<<< solution
    if height > h or width > w or height < 0 or width < 0:
=======
    if height > h or height < 0 or width < 0:
>>>>>>> variant
