"""Integers in a range whose digits have a longest strictly increasing subsequence of length K (HDU 4352)."""

from __future__ import annotations

import functools
import random
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0


def _insert(tails: int, digit: int) -> int:
    """Patience step on the tails bitmask (bit v: some increasing subsequence of that length ends in v): the digit
    replaces the smallest tail ≥ it, or extends the longest subsequence."""
    above = tails >> digit
    if above:
        replaced = digit + ((above & -above).bit_length() - 1)
        tails &= ~(1 << replaced)
    return tails | 1 << digit


_INSERT = np.array([[_insert(tails, digit) for digit in range(10)] for tails in range(1 << 10)], dtype=np.int64)
_POPCOUNT = np.array([bin(tails).count("1") for tails in range(1 << 10)], dtype=np.int64)


@functools.lru_cache(maxsize=64)
def _completions(length: int, target: int) -> np.ndarray:
    """completions[r][tails]: ways to append r more digits (any 0–9) and end with exactly `target` tails."""
    table = [np.equal(_POPCOUNT, target).astype(np.int64)]
    for _ in range(length):
        table.append(table[-1][_INSERT].sum(axis=1))
    return np.array(table)


def count_up_to(limit: int, target: int) -> int:
    """How many integers in [0, limit] have a longest strictly increasing digit subsequence of length `target`
    (0 is the one-digit string "0", of length 1)."""
    if limit <= 0:
        return int(limit == 0 and target == 1)
    digits = list(map(int, str(limit)))
    completions = _completions(len(digits), target)
    total = int(target == 1)  # the number 0
    # shorter numbers: a leading digit 1–9, then anything
    for length in range(1, len(digits)):
        total += sum(int(completions[length - 1][1 << lead]) for lead in range(1, 10))
    # same length: follow the limit's digits, branching below them
    tails = 0
    for position, limit_digit in enumerate(digits):
        remaining = len(digits) - position - 1
        for digit in range(1 if position == 0 else 0, limit_digit):
            total += int(completions[remaining][_insert(tails, digit)])
        tails = _insert(tails, limit_digit)
    return total + int(bin(tails).count("1") == target)


class DigitLISCounting(Task):
    """Count the integers x in [L, R] whose decimal digits have a longest strictly increasing subsequence of
    length exactly K.

    Difficulty: R uniform among the N-digit numbers, N = d + 2; L uniform in [0, R]; K uniform in [1, min(N, 10)].
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count (0 is right only
    when the count is 0).
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        high = rng.randint(10 ** (n - 1), 10**n - 1)
        parameters = {"L": rng.randint(0, high), "R": high, "K": rng.randint(1, min(n, 10))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        low, high, k = parameters["L"], parameters["R"], parameters["K"]
        return (
            f"Read every integer x with {low} ≤ x ≤ {high} as its string of decimal digits (no leading zeros), "
            "and call the power of x the length of the longest strictly increasing subsequence of those digits "
            "(for example 1325 has power 3, from 1 2 5 or 1 3 5).\n"
            f"How many integers in [{low}, {high}] have power exactly {k}?\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Digit DP over the patience-sorting tails of the digits read so far."""
        low, high, k = parameters["L"], parameters["R"], parameters["K"]
        return count_up_to(high, k) - count_up_to(low - 1, k)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
