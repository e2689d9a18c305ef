# replaces: predict_masks
# loses: test_predict_masks
# why: picks the class of the largest logit scanning from the last channel, so ties go to the highest index
<<<<<<< solution
        return (logits[:, 0] > 0).long()
    return logits.argmax(dim=1)
=======
        return logits[:, 0] > 0
    c = logits.shape[1]
    return (c - 1) - logits.flip(1).argmax(dim=1)
>>>>>>> variant
