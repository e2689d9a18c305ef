# replaces: predict_masks
# loses: test_predict_masks
# why: argmax of the channels in reverse order, so a tie goes to the highest class index instead of the lowest
<<<<<<< solution
    return logits.argmax(dim=1)
=======
    classes = logits.shape[1]
    return (classes - 1 - torch.flip(logits, dims=[1]).argmax(dim=1)).long()
>>>>>>> variant
