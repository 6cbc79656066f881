"""Starting pairs (a, b) whose Fibonacci-like sequence reaches K (Luogu P3986)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def count_starting_pairs(target: int) -> int:
    """Pairs of positive integers (a, b) with f(n) = target for some n ≥ 2, where f(0) = a, f(1) = b and
    f(n) = f(n−1) + f(n−2).

    f(n) = p·a + q·b for consecutive Fibonacci numbers (p, q) = (1, 1), (1, 2), (2, 3), …; the sequence strictly
    increases from f(1) on, so a pair reaches the target for at most one n, and the answer sums the positive
    solutions of p·a + q·b = target. As gcd(p, q) = 1, b runs over one residue class modulo p with q·b ≤ target − p.
    """
    total = 0
    p, q = 1, 1
    while p + q <= target:
        residue = target * pow(q, -1, p) % p if p > 1 else 0
        first = residue or p  # the least positive b in the class
        largest = (target - p) // q
        if first <= largest:
            total += (largest - first) // p + 1
        p, q = q, p + q
    return total


class FibonacciContainingCounting(Task):
    """Count the pairs of positive integers (a, b) for which the sequence f(0) = a, f(1) = b,
    f(n) = f(n−1) + f(n−2) has f(n) = K for some n ≥ 2.

    Difficulty: K uniform in [2, K_max], K_max growing as K_max ← int(1.5·K_max) from 10.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_K": grown(10, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"K": rng.randint(2, self.ladder(difficulty)["max_K"])}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        k = parameters["K"]
        return (
            "For positive integers a and b, let f(0) = a, f(1) = b and f(n) = f(n − 1) + f(n − 2) for n ≥ 2.\n"
            f"How many pairs of positive integers (a, b) give a sequence with f(n) = {k} for some n ≥ 2?\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of pairs."""
        return count_starting_pairs(parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
