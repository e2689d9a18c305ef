# replaces: prepare_masks
# loses: test_prepare_masks_binary
# why: one class: divides by 255, so a mask already stored as 0/1 becomes 0 and 1/255
<<<<<<< solution
        return indices.unsqueeze(1).float()
=======
        return (masks.float() / 255).unsqueeze(1)
>>>>>>> variant
