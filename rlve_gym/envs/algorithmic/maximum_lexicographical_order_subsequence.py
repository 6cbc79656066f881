"""The lexicographically largest subsequence of a given length."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def is_subsequence(values: list[int], sequence: list[int]) -> bool:
    """True iff `values` can be obtained from `sequence` by deleting entries."""
    remaining = iter(sequence)
    return all(any(value == item for item in remaining) for value in values)


class MaximumLexicographicalOrderSubsequence(Task):
    """Among the subsequences of length K of an array of N integers, find the lexicographically largest.

    The reference keeps a stack and pops smaller entries while enough of the array is left (Luogu P3487).
    Difficulty: N ← int(1.1·N + 1) from 3; K uniform in [2, N-1]; entries uniform in [1, N].
    Reward: -1 unparsable; -0.5 unless the answer is K values forming a subsequence of the array; else
    (fraction of positions equal to the largest subsequence)^5.
    Answer: the K values of the subsequence in order, on one line separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"A": [rng.randint(1, n) for _ in range(n)], "K": rng.randint(2, n - 1)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, k = parameters["A"], parameters["K"]
        listing = " ".join(f"A[{i}]={a}" for i, a in enumerate(values))
        return (
            f"Here is an array of {len(values)} integers: {listing}\n"
            f"Choose {k} of its entries, keeping their order (indices i1 < i2 < ... < i{k}), so that the sequence "
            f"A[i1], ..., A[i{k}] is as large as possible in lexicographic order (compare the first values, then "
            "the second values on a tie, and so on).\n"
            f"Write the {k} chosen values in order, on one line separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The largest subsequence: a stack popping smaller tops while the rest can still fill K places."""
        values, k = parameters["A"], parameters["K"]
        stack: list[int] = []
        for index, value in enumerate(values):
            left = len(values) - index
            while stack and stack[-1] < value and len(stack) - 1 + left >= k:
                stack.pop()
            if len(stack) < k:
                stack.append(value)
        return stack

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer)
        values, k = parameters["A"], parameters["K"]
        if len(chosen) != k or not is_subsequence(chosen, values):
            return rewards.invalid(f"expected {k} values forming a subsequence of the array")
        best = self.solve(parameters)
        right = sum(a == b for a, b in zip(chosen, best))
        return rewards.partial(right / k, _BETA, f"{right}/{k} positions match the largest subsequence")
