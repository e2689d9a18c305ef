# replaces: evaluate
# loses: test_evaluate_leaves
# why: also switches requires_grad off for every parameter "to be safe", then on again for all of them: a layer that was frozen on purpose (fine-tuning) is unfrozen
<<<<<<< solution
        with torch.no_grad():
            logits = model(images)
    finally:
=======
        model.requires_grad_(False)
        with torch.no_grad():
            logits = model(images)
    finally:
        model.requires_grad_(True)
>>>>>>> variant
