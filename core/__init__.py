"""Pure PyTorch core of the app: specs, layers, training, data, lessons. Never imports Qt."""
