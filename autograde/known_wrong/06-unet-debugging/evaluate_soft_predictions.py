# replaces: evaluate
# loses: test_evaluate_value
# why: scores the probabilities (soft Dice) instead of the predicted masks
def evaluate(model, images, masks):
    modes = {module: module.training for module in model.modules()}
    model.eval()
    with torch.no_grad():
        logits = model(images)
    for module, mode in modes.items():
        module.training = mode
    if logits.shape[1] == 1:
        return float(dice_coefficient(torch.sigmoid(logits), masks.float().reshape(logits.shape)))
    target = F.one_hot(masks.long(), logits.shape[1]).permute(0, 3, 1, 2).float()
    return float(dice_coefficient(torch.softmax(logits, dim=1), target))
