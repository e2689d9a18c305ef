# replaces: predict_masks
# loses: test_predict_masks, test_evaluate_value
# why: argmax over the channels also for a one-channel output, where it is 0 everywhere: all-black predictions
<<<<<<< solution
    if logits.shape[1] == 1:
        return (logits[:, 0] > 0).long()
    return logits.argmax(dim=1)
=======
    return logits.argmax(dim=1)
>>>>>>> variant
