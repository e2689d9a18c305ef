# replaces: predict_masks
# why: the everyday form: sigmoid(logits) > 0.5 for one channel (0.5 itself is background), softmax then argmax
def predict_masks(logits: torch.Tensor) -> torch.Tensor:
    if logits.shape[1] == 1:
        return (torch.sigmoid(logits) > 0.5).squeeze(1).long()
    return torch.softmax(logits, dim=1).argmax(dim=1)
