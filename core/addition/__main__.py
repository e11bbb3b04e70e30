"""``python -m core.addition solve|train|evaluate`` (see ``cli``)."""
import sys

from .cli import main

sys.exit(main())
