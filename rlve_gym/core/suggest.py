"""Nearest-name suggestions for error messages ("did you mean ...?")."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest_names(word: str, choices: Iterable[str], *, n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to `n` of `choices` closest to `word` (exact spelling first, then ignoring case)."""
    choices = list(choices)
    close = difflib.get_close_matches(word, choices, n=n, cutoff=cutoff)
    if not close:
        lowered = {choice.lower(): choice for choice in choices}
        close = [lowered[hit] for hit in difflib.get_close_matches(word.lower(), lowered, n=n, cutoff=cutoff)]
    return close


def did_you_mean(word: str, choices: Iterable[str], *, cutoff: float = 0.5) -> str:
    """`` (did you mean 'x'?)`` for the closest of `choices`, or an empty string when none is close."""
    close = closest_names(word, choices, n=1, cutoff=cutoff)
    return f" (did you mean {close[0]!r}?)" if close else ""
