# replaces: evaluate
# loses: test_evaluate_leaves
# why: remembers every submodule's mode but restores with module.train(mode) from the leaves up, so the root's
#   recursive train() comes last and overwrites the frozen BatchNorm's eval mode
def evaluate(model: nn.Module, images: torch.Tensor, masks: torch.Tensor) -> float:
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    try:
        with torch.no_grad():
            logits = model(images)
    finally:
        for module, mode in reversed(modes):
            module.train(mode)
    pred = predict_masks(logits)
    classes = logits.shape[1]
    if classes == 1:
        return float(dice_coefficient(pred[:, None].float(), masks.float()))
    pred = F.one_hot(pred.long(), classes).permute(0, 3, 1, 2).float()
    target = F.one_hot(masks.long(), classes).permute(0, 3, 1, 2).float()
    return float(dice_coefficient(pred, target))
