# replaces: local_response_norm
# loses: test_lrn_even
# why: puts the extra channel of an even window AFTER the centre ((size-1)//2 before, size//2 after); PyTorch puts it before
<<<<<<< solution
    # Zero-pad the channel axis so every channel has a full window: size//2 before, (size-1)//2 after.
    squares = F.pad(x * x, (0, 0, 0, 0, size // 2, (size - 1) // 2))
    window_sum = sum(squares[:, offset:offset + channels] for offset in range(size))
=======
    squares = F.pad(x * x, (0, 0, 0, 0, (size - 1) // 2, size // 2))
    window_sum = sum(squares[:, i:i + channels] for i in range(size))
>>>>>>> variant
