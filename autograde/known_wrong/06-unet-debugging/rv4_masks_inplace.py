# replaces: prepare_masks
# loses: test_prepare_masks_binary, test_prepare_masks_multiclass
# why: writes 1 over 255 in the caller's tensor or array (torch.as_tensor shares its memory)
<<<<<<< solution
        indices = (masks == 255).long()
=======
        masks[masks == 255] = 1            # torch.as_tensor shares the caller's memory
        indices = masks.long()
>>>>>>> variant
