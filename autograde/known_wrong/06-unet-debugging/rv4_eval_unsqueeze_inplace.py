# replaces: evaluate
# loses: test_evaluate_leaves
# why: several classes: masks.unsqueeze_(1) for scatter_ changes the caller's mask tensor
<<<<<<< solution
        target = F.one_hot(masks.long(), classes).permute(0, 3, 1, 2).float()
=======
        target = torch.zeros(predicted.shape).scatter_(1, masks.unsqueeze_(1).long(), 1.0)
>>>>>>> variant
