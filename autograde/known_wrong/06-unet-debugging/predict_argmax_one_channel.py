# replaces: predict_masks
# loses: test_predict_masks, test_evaluate_value
# why: argmax over the channels also for a one-channel output, where it is 0 everywhere: all-black predictions
def predict_masks(logits):
    return logits.argmax(dim=1)
