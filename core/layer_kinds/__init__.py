"""Layer-kind families beyond the dense ones: one module per family, each with a ``KINDS`` list."""
