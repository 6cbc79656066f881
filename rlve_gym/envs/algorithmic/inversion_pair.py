"""Fewest adjacent swaps that pair two arrays rank by rank (minimising the sum of squared differences)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def count_inversions(values: list[int]) -> int:
    """Pairs i < j with values[i] > values[j] (merge sort, O(n log n))."""
    if len(values) < 2:
        return 0
    middle = len(values) // 2
    left, right = sorted(values[:middle]), sorted(values[middle:])
    inversions = count_inversions(values[:middle]) + count_inversions(values[middle:])
    j = 0
    for value in left:  # each left value is inverted with every right value below it
        while j < len(right) and right[j] < value:
            j += 1
        inversions += j
    return inversions


class InversionPair(Task):
    """Two arrays A and B of N distinct integers each may be rearranged by swapping adjacent elements (in
    either array). Among all rearrangements that minimise ∑ (A[i] − B[i])^2, find the fewest swaps needed.

    The minimum pairs the k-th smallest of A with the k-th smallest of B, so the answer is the number of
    inversions of the permutation that takes A's rank order to B's.
    Difficulty: N grows as N ← int(1.1·N + 1) from 3; both arrays are N distinct values from [0, 2N).
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one non-negative integer.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"A": rng.sample(range(2 * n), n), "B": rng.sample(range(2 * n), n)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        first, second = parameters["A"], parameters["B"]
        n = len(first)
        return (
            f"Two arrays, each of {n} distinct integers and indexed from 0, are given:\n"
            f"A = {' '.join(map(str, first))}\n"
            f"B = {' '.join(map(str, second))}\n"
            "One move swaps two neighbouring elements (positions i and i + 1) of A or of B. Moves are used to make "
            f"(A[0] − B[0])^2 + (A[1] − B[1])^2 + … + (A[{n - 1}] − B[{n - 1}])^2 as small as possible. What is the "
            "fewest number of moves that reaches that smallest possible sum?\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Inversions of target[i] = position in B of the element whose rank in B equals the rank of A[i]."""
        first, second = parameters["A"], parameters["B"]
        rank_in_first = {value: rank for rank, value in enumerate(sorted(first))}
        position_by_rank = sorted(range(len(second)), key=second.__getitem__)
        return count_inversions([position_by_rank[rank_in_first[value]] for value in first])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the number of moves cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
