# replaces: predict_masks
# loses: test_predict_masks
# why: two classes by comparing channel 1 >= channel 0: a tie goes to class 1, against argmax's rule (the lowest index wins)
<<<<<<< solution
    return logits.argmax(dim=1)
=======
    if logits.shape[1] == 2:
        return (logits[:, 1] >= logits[:, 0]).long()
    return logits.argmax(dim=1)
>>>>>>> variant
