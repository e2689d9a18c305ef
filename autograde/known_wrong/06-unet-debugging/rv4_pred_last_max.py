# replaces: predict_masks
# loses: test_predict_masks
# why: ties between classes go to the highest class index
def predict_masks(logits: torch.Tensor) -> torch.Tensor:
    if logits.shape[1] == 1:
        return (logits[:, 0] > 0).long()
    return logits.shape[1] - 1 - logits.flip(1).argmax(dim=1)
