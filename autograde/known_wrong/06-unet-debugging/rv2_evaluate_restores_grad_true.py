# replaces: evaluate
# loses: test_evaluate_leaves
# why: switches gradients off and then back ON unconditionally: a caller inside torch.no_grad() gets them on
def evaluate(model: nn.Module, images: torch.Tensor, masks: torch.Tensor) -> float:
    modes = {m: m.training for m in model.modules()}
    model.eval()
    torch.set_grad_enabled(False)
    logits = model(images)
    torch.set_grad_enabled(True)
    for m, mode in modes.items():
        m.training = mode
    classes = logits.shape[1]
    pred = predict_masks(logits)
    if classes == 1:
        return float(dice_coefficient(pred[:, None].float(), masks.float()))
    pred = F.one_hot(pred.long(), classes).permute(0, 3, 1, 2).float()
    target = F.one_hot(masks.long(), classes).permute(0, 3, 1, 2).float()
    return float(dice_coefficient(pred, target))
