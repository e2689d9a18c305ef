# replaces: evaluate
# why: one image at a time under torch.inference_mode() (no gradients), eval() for the forward passes and every submodule's own flag put back in a finally block; Dice per image averaged (the same mean, as every image has the same number of classes)
def evaluate(model: nn.Module, images: torch.Tensor, masks: torch.Tensor) -> float:
    saved = {name: module.training for name, module in model.named_modules()}
    scores = []
    try:
        model.eval()
        for i in range(images.shape[0]):
            with torch.inference_mode():
                logits = model(images[i:i + 1])
            labels = predict_masks(logits)
            classes = logits.shape[1]
            if classes == 1:
                predicted = labels[:, None].float()
                target = masks[i:i + 1].reshape(predicted.shape).float()
            else:
                predicted = F.one_hot(labels.long(), classes).movedim(-1, 1).float()
                target = F.one_hot(masks[i:i + 1].long(), classes).movedim(-1, 1).float()
            scores.append(float(dice_coefficient(predicted, target)))
    finally:
        for name, module in model.named_modules():
            module.training = saved[name]
    return sum(scores) / len(scores)
