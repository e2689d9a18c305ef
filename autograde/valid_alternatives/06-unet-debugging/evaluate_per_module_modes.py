# replaces: evaluate
# why: torch.inference_mode, remembers and restores the mode of every submodule, one-hot for all class counts
def evaluate(model, images, masks):
    modes = {m: m.training for m in model.modules()}
    model.eval()
    with torch.inference_mode():
        logits = model(images)
        labels = predict_masks(logits).long()
        classes = logits.shape[1]
        if classes == 1:
            predicted, target = labels[:, None].float(), masks.reshape(labels[:, None].shape).float()
        else:
            predicted = F.one_hot(labels, classes).movedim(-1, 1).float()
            target = F.one_hot(masks.long(), classes).movedim(-1, 1).float()
        score = dice_coefficient(predicted, target).item()
    for module, mode in modes.items():
        module.training = mode
    return score
