# replaces: evaluate
# loses: test_evaluate_leaves
# why: several classes: masks.unsqueeze_(1) for scatter_ changes the caller's mask tensor
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
                p = F.one_hot(pred.long(), classes).permute(0, 3, 1, 2).double()
                t = torch.zeros(p.shape, dtype=torch.float64).scatter_(1, masks.unsqueeze_(1).long(), 1.0)
            return float(dice_coefficient(p, t))
    finally:
        for m, mode in modes:
            m.training = mode
