# replaces: prepare_masks
# loses: test_prepare_masks_errors
# why: converts 0/255 to 0/1 for any number of classes (255 with 3 classes is not a valid index)
<<<<<<< solution
    elif values <= {0, 255} and num_classes <= 2:
=======
    elif values <= {0, 255}:
>>>>>>> variant
