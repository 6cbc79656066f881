"""Scoring of single-integer answers shared by counting tasks (exact match, optionally modulo a number)."""

from __future__ import annotations

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Verdict


def score_residue(answer: str, gold: int, modulus: int) -> Verdict:
    """Binary scoring of a count asked modulo `modulus`: -0.5 outside [0, modulus), else 1 iff equal to `gold`."""
    value = parse_int(answer)
    if not 0 <= value < modulus:
        return rewards.invalid(f"the answer must lie in [0, {modulus})")
    return rewards.correct() if value == gold else rewards.wrong()


def score_exact(answer: str, gold: int) -> Verdict:
    """Binary scoring of an integer answer: 1 iff it equals `gold`."""
    return rewards.correct() if parse_int(answer) == gold else rewards.wrong()
