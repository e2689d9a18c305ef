# replaces: evaluate
# loses: test_evaluate_value
# why: one_hot without num_classes: a class missing from predictions and masks drops out of the average
def evaluate(model: nn.Module, images: torch.Tensor, masks: torch.Tensor) -> float:
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    try:
        with torch.no_grad():
            logits = model(images)
            pred = predict_masks(logits)
            classes = logits.shape[1]
            if classes == 1:
                p, t = pred.unsqueeze(1).double(), masks.double()
            else:
                seen = int(max(pred.max(), masks.max())) + 1
                p = F.one_hot(pred.long(), seen).permute(0, 3, 1, 2).double()
                t = F.one_hot(masks.long(), seen).permute(0, 3, 1, 2).double()
            return float(dice_coefficient(p, t))
    finally:
        for m, mode in modes:
            m.training = mode
