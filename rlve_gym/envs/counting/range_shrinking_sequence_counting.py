"""Sequences whose every new entry stays between the nearest earlier values around its predecessor."""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import stepped

_MAX_MOD = 10**6


class RangeShrinkingSequenceCounting(Task):
    """Count the sequences A[1..N] with 1 ≤ A[i] ≤ R[i] such that for every i ≥ 3, A[i] lies between l and r,
    where l is the largest and r the smallest of A[1..i-2] with l ≤ A[i-1] ≤ r (missing bounds are ∓∞); modulo M.

    The state after each entry is (l, r, last entry), with no earlier value strictly between l and r other than
    the last entry itself, so the next entry y ∈ [l, r] gives (l, x, y) below x, (x, r, y) above it, and
    (y, y, y) when y equals x, l or r. A dynamic programme over these O(V³) states (V = max R) counts the
    sequences.
    Difficulty: N = 3 + d; a hidden valid sequence over [1, N] is drawn and R[i] uniform in [A[i], N]; M uniform
    in [2, 10^6].
    Reward: -1 unparsable; -0.5 outside [0, M); 1 for the right residue, else 0.
    Answer: one integer in [0, M).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        hidden = [rng.randint(1, n), rng.randint(1, n)]
        low, high = 1, n
        for _ in range(n - 2):
            before, last = hidden[-2:]
            # the window for the next entry only ever shrinks towards the last entry
            if before >= last:
                high = last
            if before <= last:
                low = last
            hidden.append(rng.randint(low, high))
        parameters = {"R": [rng.randint(value, n) for value in hidden], "MOD": rng.randint(2, _MAX_MOD)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        bounds, modulus = parameters["R"], parameters["MOD"]
        n = len(bounds)
        listing = ", ".join(f"R[{i}]={r}" for i, r in enumerate(bounds, start=1))
        return (
            f"Count the integer sequences A[1], A[2], ..., A[{n}] such that:\n"
            f"- 1 ≤ A[i] ≤ R[i] for every i, where {listing};\n"
            f"- for every i with 3 ≤ i ≤ {n}: let r be the smallest value among A[1], ..., A[i-2] that is ≥ A[i-1] "
            "(r = +∞ if there is none) and l the largest value among A[1], ..., A[i-2] that is ≤ A[i-1] (l = -∞ if "
            "there is none); then l ≤ A[i] ≤ r.\n"
            f"Give the count modulo {modulus}, as a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The DP over (l, r, last entry) above; 0 and V + 1 stand for -∞ and +∞."""
        bounds, modulus = parameters["R"], parameters["MOD"]
        infinity = max(bounds) + 1
        states: dict[tuple[int, int, int], int] = {(0, infinity, x): 1 for x in range(1, bounds[0] + 1)}
        for bound in bounds[1:]:
            following: dict[tuple[int, int, int], int] = defaultdict(int)
            for (low, high, last), ways in states.items():
                for y in range(max(low, 1), min(high, bound) + 1):
                    if y in (last, low, high):
                        key = (y, y, y)
                    elif y < last:
                        key = (low, last, y)
                    else:
                        key = (last, high, y)
                    following[key] = (following[key] + ways) % modulus
            states = following
        return sum(states.values()) % modulus

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
