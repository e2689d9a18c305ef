# replaces: evaluate
# loses: test_evaluate_value
# why: scores the probabilities (soft Dice) instead of the predicted masks
def evaluate(model, images, masks):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        logits = model(images)
    model.train(was_training)
    if logits.shape[1] == 1:
        return float(dice_coefficient(torch.sigmoid(logits), masks.float().reshape(logits.shape)))
    target = F.one_hot(masks.long(), logits.shape[1]).permute(0, 3, 1, 2).float()
    return float(dice_coefficient(torch.softmax(logits, dim=1), target))
