# replaces: prepare_masks
# loses: test_prepare_masks_errors
# why: off by one: an index equal to num_classes is accepted
<<<<<<< solution
    if values <= set(range(max(num_classes, 2))):
=======
    if values <= set(range(max(num_classes, 2) + 1)):
>>>>>>> variant
