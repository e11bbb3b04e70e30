"""nn.Module classes the app builds and exports that torch.nn does not have (attention, blocks...)."""
