# replaces: predict_masks
# loses: test_predict_masks
# why: ties between classes go to the highest class index
<<<<<<< solution
    return logits.argmax(dim=1)
=======
    return logits.shape[1] - 1 - logits.flip(1).argmax(dim=1)
>>>>>>> variant
