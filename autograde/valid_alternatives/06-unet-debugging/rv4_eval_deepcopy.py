# replaces: evaluate
# why: works on copy.deepcopy(model).eval() (allowed by the contract); the original is never touched
import copy


def evaluate(model: nn.Module, images: torch.Tensor, masks: torch.Tensor) -> float:
    clone = copy.deepcopy(model).eval()
    with torch.no_grad():
        logits = clone(images)
        labels = predict_masks(logits)
        n_classes = logits.shape[1]
        if n_classes == 1:
            score = dice_coefficient(labels.unsqueeze(1).to(torch.float32), masks.to(torch.float32))
        else:
            pred = F.one_hot(labels.long(), num_classes=n_classes).movedim(-1, 1).float()
            true = F.one_hot(masks.long(), num_classes=n_classes).movedim(-1, 1).float()
            score = dice_coefficient(pred, true)
    return score.item()
