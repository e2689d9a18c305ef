# replaces: evaluate
# loses: test_evaluate_value
# why: runs the model with autograd on: same number, but it builds a graph for nothing (memory and time)
<<<<<<< solution
        with torch.no_grad():
            logits = model(images)
=======
        logits = model(images).detach()
>>>>>>> variant
