# replaces: center_crop
# loses: test_center_crop_values
# why: square-map habit: the row offset is used for the columns too, wrong on non-square maps
def center_crop(skip: torch.Tensor, height: int, width: int) -> torch.Tensor:
    H, W = skip.shape[-2:]
    if height > H or width > W:
        raise ValueError(f"cannot crop {H}x{W} to {height}x{width}")
    top = (H - height) // 2
    return skip[:, :, top:top + height, top:top + width]
