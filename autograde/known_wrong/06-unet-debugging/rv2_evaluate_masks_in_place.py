# replaces: evaluate
# loses: test_evaluate_leaves
# why: squeezes the caller's one-channel masks in place (masks.squeeze_(1)): the caller's tensor changes shape; the Dice it returns is right, so only the test of what evaluate leaves behind loses
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
        masks.squeeze_(1)
        return float(dice_coefficient(pred[:, None].float(), masks[:, None].float()))
    pred = F.one_hot(pred.long(), classes).permute(0, 3, 1, 2).float()
    target = F.one_hot(masks.long(), classes).permute(0, 3, 1, 2).float()
    return float(dice_coefficient(pred, target))
