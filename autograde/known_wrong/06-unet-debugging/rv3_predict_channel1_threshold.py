# replaces: predict_masks
# loses: test_predict_masks, test_evaluate_value
# why: treats every multi-class output as binary: foreground where softmax(channel 1) > 0.5 (right for 2 classes and for the visible [1, 3, 2], wrong for 3 classes in general)
<<<<<<< solution
    return logits.argmax(dim=1)
=======
    return (torch.softmax(logits, dim=1)[:, 1] > 0.5).long()
>>>>>>> variant
