# replaces: predict_masks
# loses: test_predict_masks
# why: sigmoid(logit) >= 0.5: a logit of exactly 0 becomes foreground
<<<<<<< solution
        return (logits[:, 0] > 0).long()
=======
        return (torch.sigmoid(logits[:, 0]) >= 0.5).long()
>>>>>>> variant
