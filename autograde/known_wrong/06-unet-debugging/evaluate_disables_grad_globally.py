# replaces: evaluate
# loses: test_evaluate_leaves
# why: torch.set_grad_enabled(False) instead of a no_grad block: the value is right, but every later training step of the process runs without gradients
<<<<<<< solution
        with torch.no_grad():
            logits = model(images)
=======
        torch.set_grad_enabled(False)
        logits = model(images)
>>>>>>> variant
