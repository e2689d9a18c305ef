# replaces: predict_masks
# loses: test_predict_masks, test_evaluate_value
# why: thresholds the softmax probability of channel 0, which is the background class, instead of taking the argmax
<<<<<<< solution
    return logits.argmax(dim=1)
=======
    return (torch.softmax(logits, dim=1)[:, 0] > 0.5).long()
>>>>>>> variant
