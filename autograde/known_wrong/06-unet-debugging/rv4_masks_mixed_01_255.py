# replaces: prepare_masks
# loses: test_prepare_masks_errors
# why: one class: accepts a mix of 1 and 255 as foreground
<<<<<<< solution
    if values <= set(range(max(num_classes, 2))):
=======
    if num_classes == 1 and values <= {0, 1, 255}:
        indices = (masks > 0).long()
    elif values <= set(range(max(num_classes, 2))):
>>>>>>> variant
