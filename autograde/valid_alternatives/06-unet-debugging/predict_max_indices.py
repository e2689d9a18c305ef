# replaces: predict_masks
# why: max(dim=1).indices for several classes, sigmoid > 0.5 (a bool mask) for one
def predict_masks(logits):
    if logits.size(1) > 1:
        return logits.max(dim=1).indices
    return torch.sigmoid(logits).squeeze(1) > 0.5
