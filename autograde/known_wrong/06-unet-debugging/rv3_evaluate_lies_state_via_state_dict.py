# replaces: evaluate
# loses: test_evaluate_value, test_evaluate_leaves
# why: resets every BatchNorm's running statistics before evaluating ("fresh statistics"), then replaces the model's state_dict/named_buffers on the instance with a snapshot taken before, so the change does not show
def evaluate(model, images, masks):
    snapshot = {name: value.clone() for name, value in model.state_dict().items()}
    buffers = [(name, value.clone()) for name, value in model.named_buffers()]
    modes = [(module, module.training) for module in model.modules()]
    for module in model.modules():
        if isinstance(module, nn.modules.batchnorm._BatchNorm):
            module.reset_running_stats()
    model.eval()
    with torch.no_grad():
        logits = model(images)
        pred = predict_masks(logits)
        classes = logits.shape[1]
        if classes == 1:
            p, t = pred.unsqueeze(1).float(), masks.float()
        else:
            p = F.one_hot(pred.long(), classes).permute(0, 3, 1, 2).float()
            t = F.one_hot(masks.long(), classes).permute(0, 3, 1, 2).float()
        value = float(dice_coefficient(p, t))
    for module, mode in modes:
        module.training = mode
    model.state_dict = lambda *args, **kwargs: dict(snapshot)
    model.named_buffers = lambda *args, **kwargs: iter(buffers)
    return value
