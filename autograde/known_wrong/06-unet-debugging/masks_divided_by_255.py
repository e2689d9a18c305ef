# replaces: prepare_masks
# loses: test_prepare_masks_binary
# why: divides by 255 whatever the stored values: right for 0/255 files, but masks already stored as 0/1 become 0/0.0039
<<<<<<< solution
    if num_classes == 1:
        return indices.unsqueeze(1).float()
=======
    if num_classes == 1:
        return (masks.float() / 255).unsqueeze(1)
>>>>>>> variant
