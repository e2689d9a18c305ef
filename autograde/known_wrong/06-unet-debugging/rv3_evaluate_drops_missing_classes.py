# replaces: evaluate
# loses: test_evaluate_value
# why: averages the Dice only over the (sample, class) pairs where the class appears in the mask or the prediction, instead of over all C classes
def evaluate(model, images, masks):
    modes = [(module, module.training) for module in model.modules()]
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
            inter = (p * t).sum(dim=(2, 3))
            total = p.sum(dim=(2, 3)) + t.sum(dim=(2, 3))
            present = total > 0
            dice = 2 * inter[present] / total[present]
            return float(dice.mean()) if dice.numel() else 1.0
    finally:
        for module, mode in modes:
            module.training = mode
