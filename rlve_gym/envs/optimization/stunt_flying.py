"""Arrange N stunts from K kinds to maximise the sum of value × distance to the previous stunt of the same kind
(Luogu P3918)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def arrangement_value(values: list[int], arrangement: list[int]) -> int:
    """Σ_i C[A[i]]·(i - j), j the previous index holding the same element (a first occurrence scores 0)."""
    last: dict[int, int] = {}
    total = 0
    for i, element in enumerate(arrangement):
        if element in last:
            total += values[element] * (i - last[element])
        last[element] = i
    return total


def best_arrangement(n: int, values: list[int]) -> list[int]:
    """An arrangement of greatest value.

    The gaps of one element add up to its last index minus its first, so an element is worth C·(its span). Spans
    of distinct elements start and end at distinct positions, so the largest spans are N-1, N-3, ...: give them,
    nested, to the elements by decreasing C; the middle positions left over repeat the outermost element, which
    leaves every span unchanged.
    """
    order = sorted(range(len(values)), key=lambda element: -values[element])
    arrangement = [order[0]] * n
    for rank, element in enumerate(order[: n // 2]):
        arrangement[rank] = arrangement[n - 1 - rank] = element
    return arrangement


class StuntFlying(Task):
    """Build an array A of N elements from K kinds (kind x worth C[x]) maximising Σ C[A[i]]·T[i], where T[i] is the
    distance back to the previous occurrence of A[i] (0 for a first occurrence).

    Difficulty: N grows as N ← int(1.1·N + 1) from 4; K is uniform in [2, N] and each C[x] in [1, K].
    Reward: -1 unparsable; -0.5 if not N elements or one outside [0, K); otherwise (value / greatest value)^5.
    Answer: A[0], ..., A[N-1] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        kinds = rng.randint(2, n)
        parameters = {"N": n, "C": [rng.randint(1, kinds) for _ in range(kinds)]}
        return Instance(parameters, " ".join(map(str, best_arrangement(n, parameters["C"]))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, values = parameters["N"], parameters["C"]
        kinds = len(values)
        listing = "; ".join(f"C[{x}] = {c}" for x, c in enumerate(values))
        return (
            f"There are {kinds} kinds of elements, labelled 0 to {kinds - 1}; kind x has value C[x]: {listing}\n"
            f"Build an array A[0], ..., A[{n - 1}] of {n} elements, each a label in [0, {kinds - 1}] (labels may "
            "repeat). Position i scores C[A[i]] × T[i], where T[i] = 0 if A[i] does not occur before position i, "
            "and otherwise T[i] = i - j for the largest j < i with A[j] = A[i].\n"
            "Make the total score of all positions as large as possible.\n"
            f"Write A[0], ..., A[{n - 1}] on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        arrangement = parse_int_list(answer)
        n, values = parameters["N"], parameters["C"]
        if len(arrangement) != n or any(not 0 <= x < len(values) for x in arrangement):
            return rewards.invalid(f"expected {n} labels in [0, {len(values) - 1}]")
        best = arrangement_value(values, best_arrangement(n, values))
        return rewards.optimality(arrangement_value(values, arrangement), best, _BETA, minimize=False)
