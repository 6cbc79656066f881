"""The king's game: order the ministers to minimise the largest reward ⌊(product of earlier left numbers) / right⌋."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_MAX_VALUE = 10


def largest_reward(first: list[int], pairs: list[list[int]], order: list[int]) -> int:
    """max over positions k of ⌊A[0]·A[1]···A[k-1] / B[k]⌋ when the pairs follow `order` (1-based indices)."""
    product, largest = first[0], 0
    for index in order:
        a, b = pairs[index - 1]
        largest = max(largest, product // b)
        product *= a
    return largest


class KingSorting(Task):
    """Order N pairs (a[i], b[i]) after a fixed pair (A[0], B[0]) to minimise max_k ⌊A[0]·A[1]···A[k-1] / B[k]⌋.

    Sorting by a·b is optimal: swapping two adjacent pairs out of that order never lowers the larger of their two
    terms, and flooring keeps the comparison.
    Difficulty: N pairs, N ← int(1.1·N + 1) from 3; every number uniform in [1, 10].
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 1..N; otherwise (least maximum / maximum)^5
    (1 when both are 0).
    Answer: the order as a permutation of 1..N on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty), "max_a_b": _MAX_VALUE}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        first = [rng.randint(1, size["max_a_b"]), rng.randint(1, size["max_a_b"])]
        pairs = [[rng.randint(1, size["max_a_b"]), rng.randint(1, size["max_a_b"])] for _ in range(size["N"])]
        order = sorted(range(1, size["N"] + 1), key=lambda index: (pairs[index - 1][0] * pairs[index - 1][1], index))
        parameters = {"N": size["N"], "first": first, "pairs": pairs, "best": largest_reward(first, pairs, order)}
        return Instance(parameters, " ".join(map(str, order)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, first = parameters["N"], parameters["first"]
        pairs = "\n".join(f"(a[{i}], b[{i}]) = ({a}, {b})" for i, (a, b) in enumerate(parameters["pairs"], 1))
        return (
            f"There is a fixed pair (A[0], B[0]) = ({first[0]}, {first[1]}) and {n} more pairs:\n{pairs}\n"
            f"Arrange the {n} pairs in some order; the pair placed at position k (1 ≤ k ≤ {n}) becomes (A[k], B[k]). "
            f"For each k the value is floor((A[0] × A[1] × ... × A[k-1]) / B[k]): the product of all A before position "
            "k, divided by B[k] and rounded down. Make the largest of these values as small as possible.\n"
            f"Write the order as the indices of the pairs (a permutation of 1 to {n}) on one line, separated by "
            f"spaces; for example {' '.join(map(str, range(n, 0, -1)))} puts pair {n} first and pair 1 last."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        order = parse_int_list(answer)
        n = parameters["N"]
        if sorted(order) != list(range(1, n + 1)):
            return rewards.invalid(f"expected a permutation of 1..{n}")
        achieved = largest_reward(parameters["first"], parameters["pairs"], order)
        return rewards.optimality(achieved, parameters["best"], _BETA, minimize=True)
