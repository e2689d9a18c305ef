# replaces: evaluate
# loses: test_evaluate_value
# why: always one-hot encodes with max(C, 2) classes, so a one-channel model's Dice also averages in the background
def evaluate(model, images, masks):
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        with torch.no_grad():
            logits = model(images)
            pred = predict_masks(logits).long()
            classes = max(logits.shape[1], 2)
            target = masks.long().reshape(pred.shape)
            p = F.one_hot(pred, classes).permute(0, 3, 1, 2).float()
            t = F.one_hot(target, classes).permute(0, 3, 1, 2).float()
            return float(dice_coefficient(p, t))
    finally:
        for module, mode in modes:
            module.training = mode
