"""The lessons, one module per part of the notes, each with its ``LESSONS`` in order (``core.lessons.catalog``
joins them): ``tensors`` (tensors, NumPy, autograd), ``networks`` (forward propagation to vanishing
gradients), ``models`` (convolution, Seq2Seq, Transformer)."""
