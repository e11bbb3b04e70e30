"""nn.Module classes the app builds and exports that torch.nn does not have (attention, blocks...).

Each class here is written to be copied as it is into an exported model file: it uses only
``math``, ``torch``, ``torch.nn as nn`` and ``torch.nn.functional as F`` (and helpers named in its
layer kind's ``helpers``), so ``helper_source`` can write it out next to the model.
"""
from __future__ import annotations

import inspect

HELPER_IMPORTS = ("import math", "import torch", "import torch.nn.functional as F", "from torch import nn")


def helper_source(objects) -> str:
    """The source of each class/function in ``objects`` once, in first-seen order, for an exported file."""
    seen, parts = set(), []
    for obj in objects:
        if obj not in seen:
            seen.add(obj)
            parts.append(inspect.getsource(obj).rstrip() + "\n")
    return "\n\n".join(parts)
