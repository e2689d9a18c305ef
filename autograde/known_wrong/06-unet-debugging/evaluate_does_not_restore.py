# replaces: evaluate
# loses: test_evaluate_mode, test_evaluate_leaves
# why: switches to eval() and leaves the model there, so the training loop goes on in inference mode
def evaluate(model, images, masks):
    model.eval()
    with torch.no_grad():
        logits = model(images)
    labels = predict_masks(logits)
    classes = logits.shape[1]
    if classes == 1:
        return float(dice_coefficient(labels.unsqueeze(1).float(), masks.float().reshape(labels.unsqueeze(1).shape)))
    predicted = F.one_hot(labels, classes).permute(0, 3, 1, 2).float()
    target = F.one_hot(masks.long(), classes).permute(0, 3, 1, 2).float()
    return float(dice_coefficient(predicted, target))
