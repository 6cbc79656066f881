"""Permute an array so that no proper subset of positions keeps its sum (Codeforces 892D "Gluttony")."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped


def has_zero_sum_subset(differences: list[int]) -> bool:
    """True iff some non-empty proper subset of positions has differences summing to 0.

    The differences sum to 0 overall, so such a subset exists iff one avoiding the last position does (take the
    complement otherwise): a subset-sum closure over the other positions, whose sums stay within ±Σ|d|.
    """
    reachable: set[int] = set()
    for difference in differences[:-1]:
        reachable |= {total + difference for total in reachable}
        reachable.add(difference)
        if 0 in reachable:
            return True
    return False


class DistinctArrayPermutation(Task):
    """Given N distinct integers A, output a permutation B of them such that for every non-empty proper subset S of
    positions the sums of A and of B over S differ.

    A is N distinct values drawn from [0, 2N); the reference sends each value to the next larger one (the largest
    to the smallest), which always works.
    Difficulty: N = d + 3.
    Reward: -1 unparsable; -0.5 if B is not a permutation of A; 1 if no proper subset keeps its sum, else 0.
    Answer: B[1] … B[N] on one line, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        values = rng.sample(range(2 * n), n)
        ranked = sorted(values)
        successor = {value: ranked[(i + 1) % n] for i, value in enumerate(ranked)}
        return Instance({"A": values}, " ".join(str(successor[value]) for value in values))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        n = len(values)
        return (
            f"Here is an array A of {n} distinct integers (positions 1 to {n}): {' '.join(map(str, values))}\n"
            "Rearrange its elements into an array B (a permutation of A) such that for every set S of positions "
            f"with 0 < |S| < {n}, the sum of A over the positions in S differs from the sum of B over the same "
            "positions.\n"
            "Write B's elements in order on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        permuted = parse_int_list(answer)
        values = parameters["A"]
        if sorted(permuted) != sorted(values):
            return rewards.invalid("B must be a permutation of A")
        if has_zero_sum_subset([a - b for a, b in zip(values, permuted)]):
            return rewards.wrong("some proper subset of positions has the same sum in A and B")
        return rewards.correct()
