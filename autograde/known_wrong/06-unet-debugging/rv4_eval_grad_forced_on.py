# replaces: evaluate
# loses: test_evaluate_leaves
# why: set_grad_enabled(False) ... set_grad_enabled(True): a caller inside torch.no_grad() gets gradients back on
<<<<<<< solution
        with torch.no_grad():
            logits = model(images)
=======
        torch.set_grad_enabled(False)
        logits = model(images)
        torch.set_grad_enabled(True)
>>>>>>> variant
