# replaces: evaluate
# loses: test_evaluate_leaves
# why: shuffles the batch with torch.randperm (the mean Dice is unchanged) and so advances the global random number generator
def evaluate(model, images, masks):
    modes = [(module, module.training) for module in model.modules()]
    order = torch.randperm(images.shape[0])
    model.eval()
    try:
        with torch.no_grad():
            logits = model(images[order])
            pred = predict_masks(logits)
            target = masks[order]
            classes = logits.shape[1]
            if classes == 1:
                p, t = pred.unsqueeze(1).float(), target.float()
            else:
                p = F.one_hot(pred.long(), classes).permute(0, 3, 1, 2).float()
                t = F.one_hot(target.long(), classes).permute(0, 3, 1, 2).float()
            return float(dice_coefficient(p, t))
    finally:
        for module, mode in modes:
            module.training = mode
