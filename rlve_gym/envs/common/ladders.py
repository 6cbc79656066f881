"""Difficulty ladders: a task's size parameters after `difficulty` steps of an RLVE-style controller update."""

from __future__ import annotations


def grown(start: int, difficulty: int, *, factor: float = 1.1, add: int = 1) -> int:
    """`start` after `difficulty` steps of ``n ← int(factor·n + add)`` (RLVE's most common update)."""
    value = start
    for _ in range(difficulty):
        value = int(value * factor + add)
    return value


def stepped(start: int, difficulty: int, step: int = 1) -> int:
    """`start` after `difficulty` steps of ``n ← n + step``."""
    return start + step * difficulty


def doubled(start: int, difficulty: int) -> int:
    """`start` after `difficulty` doublings."""
    return start * 2**difficulty
