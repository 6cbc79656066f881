"""Parsers from an extracted answer string to values, shared by every task.

Each parser raises `AnswerFormatError` (→ reward -1, ``format_ok=False``) when the text does not have the
expected shape; checking the *content* (a permutation, a path that exists...) is the task's job and is usually
rewarded as an invalid solution instead. Parsers never evaluate text and bound the size of what they accept, so
a hostile answer cannot make them slow.
"""

from __future__ import annotations

import re
from fractions import Fraction

from rlve_gym.core.errors import AnswerFormatError

MAX_INT_DIGITS = 4000
"""Longest integer accepted (Python's own int/str conversion limit is 4300 digits)."""
MAX_ITEMS = 100_000
"""Most items accepted in a list or grid."""
MAX_ROWS = 10_000
"""Most rows accepted in a grid (each row costs a parse; hostile answers must stay cheap to reject)."""

_INT = re.compile(r"[+-]?\d+")
_INT_WITH_SEPARATORS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+")
_LIST_BRACKETS = (("[", "]"), ("(", ")"), ("{", "}"))
_FRACTION = re.compile(r"([+-]?\d+)\s*/\s*([+-]?\d+)")
_LATEX_FRACTION = re.compile(r"([+-]?)\\[dt]?frac\{\s*([+-]?\d+)\s*\}\{\s*([+-]?\d+)\s*\}")
_DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _to_int(token: str) -> int:
    if len(token) > MAX_INT_DIGITS + 1:
        raise AnswerFormatError(f"integer with more than {MAX_INT_DIGITS} digits")
    return int(token)


def parse_int(text: str) -> int:
    """One integer; accepts a sign, surrounding spaces, and thousands separators (``1,234``)."""
    token = text.strip()
    if token.endswith(".") and not token.endswith(".."):
        token = token[:-1].rstrip()
    if _INT.fullmatch(token):
        return _to_int(token)
    if _INT_WITH_SEPARATORS.fullmatch(token):
        return _to_int(token.replace(",", ""))
    raise AnswerFormatError(f"expected one integer, got {_preview(text)}")


def parse_int_list(text: str, *, allow_empty: bool = False) -> list[int]:
    """Integers separated by whitespace and/or commas, optionally wrapped in one pair of brackets."""
    body = _unwrap_brackets(text.strip())
    tokens = [token for token in re.split(r"[\s,;]+", body) if token]
    if len(tokens) > MAX_ITEMS:
        raise AnswerFormatError(f"more than {MAX_ITEMS} items")
    if not tokens and not allow_empty:
        raise AnswerFormatError("expected a list of integers, got nothing")
    values = []
    for token in tokens:
        if not _INT.fullmatch(token):
            raise AnswerFormatError(f"expected integers, got {_preview(token)}")
        values.append(_to_int(token))
    return values


def parse_int_rows(text: str, *, allow_empty_rows: bool = False) -> list[list[int]]:
    """A grid of integers: one row per non-empty line, entries separated by whitespace or commas."""
    lines = [line for line in text.strip().split("\n") if line.strip() or allow_empty_rows]
    if len(lines) > MAX_ROWS:
        raise AnswerFormatError(f"more than {MAX_ROWS} rows")
    if not lines:
        raise AnswerFormatError("expected rows of integers, got nothing")
    return [parse_int_list(line, allow_empty=allow_empty_rows) for line in lines]


def parse_token_rows(text: str) -> list[str]:
    """Non-empty lines with inner whitespace removed (grids of characters such as ``1.0#``)."""
    rows = ["".join(line.split()) for line in text.strip().split("\n")]
    rows = [row for row in rows if row]
    if not rows:
        raise AnswerFormatError("expected rows, got nothing")
    if len(rows) > MAX_ROWS or sum(map(len, rows)) > 10 * MAX_ITEMS:
        raise AnswerFormatError("grid too large")
    return rows


def parse_fraction(text: str) -> Fraction:
    """An exact rational: ``3``, ``-3/4``, ``\\frac{3}{4}``, or a finite decimal ``0.75``."""
    token = text.strip().replace(" ", "")
    if _INT.fullmatch(token) or _INT_WITH_SEPARATORS.fullmatch(token):
        return Fraction(parse_int(token))
    match = _FRACTION.fullmatch(token)
    if match:
        numerator, denominator = _to_int(match.group(1)), _to_int(match.group(2))
        if denominator == 0:
            raise AnswerFormatError("zero denominator")
        return Fraction(numerator, denominator)
    match = _LATEX_FRACTION.fullmatch(token)
    if match:
        numerator, denominator = _to_int(match.group(2)), _to_int(match.group(3))
        if denominator == 0:
            raise AnswerFormatError("zero denominator")
        value = Fraction(numerator, denominator)
        return -value if match.group(1) == "-" else value
    if _DECIMAL.fullmatch(token) and len(token) <= MAX_INT_DIGITS and "e" not in token.lower():
        return Fraction(token)
    raise AnswerFormatError(f"expected a number or fraction, got {_preview(text)}")


def parse_float(text: str) -> float:
    """A finite real number written as a decimal (scientific notation allowed) or a fraction."""
    token = text.strip().replace(" ", "")
    is_decimal = _DECIMAL.fullmatch(token) and len(token) <= 64
    value = float(token) if is_decimal else float(parse_fraction(token))
    if value != value or value in (float("inf"), float("-inf")):
        raise AnswerFormatError("expected a finite number")
    return value


def parse_choice(text: str, choices: tuple[str, ...]) -> str:
    """One of `choices`, ignoring case and surrounding punctuation; returns the canonical spelling."""
    token = text.strip().strip(".!").strip().lower()
    for choice in choices:
        if token == choice.lower():
            return choice
    raise AnswerFormatError(f"expected one of {', '.join(choices)}, got {_preview(text)}")


def _unwrap_brackets(text: str) -> str:
    for left, right in _LIST_BRACKETS:
        if text.startswith(left) and text.endswith(right):
            return text[1:-1]
    return text


def _preview(text: str, limit: int = 40) -> str:
    text = text.strip()
    return repr(text if len(text) <= limit else text[:limit] + "…")
