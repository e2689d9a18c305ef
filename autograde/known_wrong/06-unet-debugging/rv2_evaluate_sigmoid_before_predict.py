# replaces: evaluate
# loses: test_evaluate_value
# why: applies sigmoid/softmax before predict_masks, which expects logits: for one channel every probability
#   is > 0, so every pixel is predicted foreground
def evaluate(model: nn.Module, images: torch.Tensor, masks: torch.Tensor) -> float:
    modes = {m: m.training for m in model.modules()}
    model.eval()
    with torch.no_grad():
        logits = model(images)
    for m, mode in modes.items():
        m.training = mode
    classes = logits.shape[1]
    probs = torch.sigmoid(logits) if classes == 1 else torch.softmax(logits, dim=1)
    pred = predict_masks(probs)
    if classes == 1:
        return float(dice_coefficient(pred[:, None].float(), masks.float()))
    pred = F.one_hot(pred.long(), classes).permute(0, 3, 1, 2).float()
    target = F.one_hot(masks.long(), classes).permute(0, 3, 1, 2).float()
    return float(dice_coefficient(pred, target))
