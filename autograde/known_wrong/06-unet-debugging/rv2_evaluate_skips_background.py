# replaces: evaluate
# loses: test_evaluate_value
# why: averages the Dice over the foreground classes only (1..C-1), the contract averages over all C classes
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
    pred = F.one_hot(pred.long(), classes).permute(0, 3, 1, 2).float()
    target = F.one_hot(masks.long(), classes).permute(0, 3, 1, 2).float()
    return float(dice_coefficient(pred[:, 1:], target[:, 1:]))
