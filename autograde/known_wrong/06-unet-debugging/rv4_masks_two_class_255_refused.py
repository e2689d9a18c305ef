# replaces: prepare_masks
# loses: test_prepare_masks_multiclass
# why: two classes: 0/255 masks are refused instead of converted to 0/1 indices
<<<<<<< solution
    elif values <= {0, 255} and num_classes <= 2:
=======
    elif values <= {0, 255} and num_classes == 1:
>>>>>>> variant
