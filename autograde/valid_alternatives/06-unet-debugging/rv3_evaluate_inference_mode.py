# replaces: evaluate
# why: torch.inference_mode() instead of torch.no_grad(); the modes saved in a dict keyed by module and restored with Module.train(mode) per module (non-recursive: children are set from the dict too)
def evaluate(model, images, masks):
    saved = {module: module.training for module in model.modules()}
    model.eval()
    try:
        with torch.inference_mode():
            logits = model(images)
            labels = predict_masks(logits).long()
            classes = logits.size(1)
            if classes == 1:
                predicted, target = labels.unsqueeze(1).float(), masks.float()
            else:
                predicted = F.one_hot(labels, classes).movedim(-1, 1).float()
                target = F.one_hot(masks.long(), classes).movedim(-1, 1).float()
            score = dice_coefficient(predicted, target).item()
    finally:
        for module, mode in saved.items():
            module.training = mode
    return float(score)
