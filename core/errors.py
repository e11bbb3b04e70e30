"""Errors as the learner reads them."""
from __future__ import annotations


def first_line(e: BaseException, limit: int | None = 200) -> str:
    """The first line of an exception's message (its type's name if it has none), at most ``limit`` chars."""
    return (str(e).strip().splitlines() or [type(e).__name__])[0][:limit]
