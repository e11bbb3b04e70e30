"""Lessons that follow the learner's study notes: the lesson path and its three labs.

- ``catalog``: the ordered lesson list and "try it" action ids; ``lesson``: what a lesson is made of;
  ``path``: the lessons themselves, one module per part of the notes.
- ``tensor_lab``: the tensor operations with their fields and examples; ``tensor_ops``: each operation, run
  into a plain result record (grid, rank, shape, dtype, device, code).
- ``safe_expr``: the autograd lab's expression language (tokenizer, parser; nothing is ``eval``-ed);
  ``autograd_expr``: an expression's torch computation, its graph and gradients.
- ``torch_errors``: PyTorch's error messages in plain words (the labs show them under the message).
- ``activation_lab``: activation curves, derivatives and the vanishing-gradient depth comparison.
"""
