# replaces: prepare_masks
# loses: test_prepare_masks_multiclass
# why: for two classes always maps 255 to class 1, so masks already stored as 0/1 indices become all background
<<<<<<< solution
    if num_classes == 1:
        return indices.unsqueeze(1).float()
    return indices
=======
    if num_classes == 1:
        return indices.unsqueeze(1).float()
    if num_classes == 2:
        return (masks == 255).long()
    return indices
>>>>>>> variant
