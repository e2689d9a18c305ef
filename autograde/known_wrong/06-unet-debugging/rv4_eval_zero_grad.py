# replaces: evaluate
# loses: test_evaluate_leaves
# why: calls model.zero_grad() first: gradients accumulated by the caller are lost
def evaluate(model: nn.Module, images: torch.Tensor, masks: torch.Tensor) -> float:
    modes = [(m, m.training) for m in model.modules()]
    model.zero_grad()
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
                t = F.one_hot(masks.long(), classes).permute(0, 3, 1, 2).double()
            return float(dice_coefficient(p, t))
    finally:
        for m, mode in modes:
            m.training = mode
