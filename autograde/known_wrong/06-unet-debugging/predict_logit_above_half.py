# replaces: predict_masks
# loses: test_predict_masks, test_evaluate_value
# why: compares the logit (not the probability) with 0.5, so pixels with probabilities between 0.5 and 0.62 become background
<<<<<<< solution
        return (logits[:, 0] > 0).long()
=======
        return (logits[:, 0] > 0.5).long()
>>>>>>> variant
