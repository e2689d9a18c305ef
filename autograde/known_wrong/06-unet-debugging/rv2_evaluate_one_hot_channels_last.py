# replaces: evaluate
# loses: test_evaluate_value
# why: Keras habit: one-hot predictions and targets left channels-last (N, H, W, C), so the Dice sums over
#   (W, C) instead of the pixels of each class
def evaluate(model: nn.Module, images: torch.Tensor, masks: torch.Tensor) -> float:
    modes = {m: m.training for m in model.modules()}
    model.eval()
    with torch.no_grad():
        logits = model(images)
    for m, mode in modes.items():
        m.training = mode
    classes = logits.shape[1]
    pred = predict_masks(logits)
    if classes == 1:
        return float(dice_coefficient(pred[:, None].float(), masks.float()))
    pred = F.one_hot(pred.long(), classes).float()
    target = F.one_hot(masks.long(), classes).float()
    return float(dice_coefficient(pred, target))
