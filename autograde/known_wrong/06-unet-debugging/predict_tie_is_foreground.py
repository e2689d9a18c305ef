# replaces: predict_masks
# loses: test_predict_masks
# why: logit >= 0 is foreground: a logit of exactly 0 (probability 0.5, e.g. a dead ReLU before a zero-bias head) becomes foreground, against the rule "strictly above 0.5"
<<<<<<< solution
        return (logits[:, 0] > 0).long()
=======
        return (logits[:, 0] >= 0).long()
>>>>>>> variant
