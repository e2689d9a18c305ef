# replaces: evaluate
# why: evaluates a deep copy of the model, so the caller's model (its modes, parameters and statistics) cannot be touched; allowed by the contract
import copy


def evaluate(model, images, masks):
    frozen = copy.deepcopy(model).eval()
    with torch.no_grad():
        logits = frozen(images)
    labels = predict_masks(logits)
    if logits.shape[1] == 1:
        predicted, target = labels[:, None].float(), masks.float().reshape(labels[:, None].shape)
    else:
        predicted = F.one_hot(labels, logits.shape[1]).permute(0, 3, 1, 2).float()
        target = F.one_hot(masks.long(), logits.shape[1]).permute(0, 3, 1, 2).float()
    return float(dice_coefficient(predicted, target))
