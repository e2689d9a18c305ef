# replaces: predict_masks
# loses: test_predict_masks
# why: sigmoid(logit) >= 0.5: a logit of exactly 0 becomes foreground
def predict_masks(logits: torch.Tensor) -> torch.Tensor:
    if logits.shape[1] == 1:
        return (torch.sigmoid(logits[:, 0]) >= 0.5).long()
    return logits.argmax(dim=1)
