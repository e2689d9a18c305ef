# replaces: evaluate
# why: works on a deep copy in eval() under torch.inference_mode(); the caller's model is never touched
import copy as _copy


def evaluate(model: nn.Module, images: torch.Tensor, masks: torch.Tensor) -> float:
    frozen = _copy.deepcopy(model).eval()
    with torch.inference_mode():
        logits = frozen(images)
        classes = logits.shape[1]
        labels = predict_masks(logits)
        if classes == 1:
            return dice_coefficient(labels[:, None].float(), masks.float()).item()
        pred = F.one_hot(labels.long(), classes).movedim(-1, 1).float()
        target = F.one_hot(masks.long(), classes).movedim(-1, 1).float()
        return dice_coefficient(pred, target).item()
