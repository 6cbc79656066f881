"""Bézout's identity: the smallest positive integer combination of given numbers."""

from __future__ import annotations

import math
import random
from functools import reduce
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled, stepped
from rlve_gym.envs.common.numbers import extended_gcd


class BezoutIdentity(Task):
    """Choose integer multipliers X for numbers A so that S = Σ A[i]·X[i] is positive and as small as possible.

    The smallest reachable positive S is gcd(A) (Bézout); numbers are drawn so that many share factors.
    Difficulty: N = d + 2 numbers with |A[i]| in [2, 32·2^d], random signs.
    Reward: -1 unparsable; -0.5 wrong count or S ≤ 0; otherwise (gcd(A) / S)^5 (1 exactly when S = gcd).
    Answer: X[1] … X[N] on one line, separated by spaces.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"count": stepped(2, difficulty), "max_value": doubled(32, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        numbers: list[int] = []
        for _ in range(size["count"]):
            # prefer values sharing a factor with earlier ones, so gcd(A) is often > 1 and not found by luck
            best, best_shared = 0, -1
            for _ in range(64):
                candidate = rng.randint(2, size["max_value"])
                shared = sum(math.gcd(candidate, previous) > 1 for previous in numbers)
                if shared > best_shared:
                    best, best_shared = candidate, shared
                if best_shared == len(numbers):
                    break
            numbers.append(best if rng.random() < 0.5 else -best)
        parameters = {"A": numbers}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        numbers = parameters["A"]
        count = len(numbers)
        return (
            f"You are given {count} integers A[1], ..., A[{count}]:\n{' '.join(map(str, numbers))}\n"
            f"Find integers X[1], ..., X[{count}] such that S = A[1]*X[1] + ... + A[{count}]*X[{count}] is "
            "strictly positive and as small as possible.\n"
            f"Write X[1] ... X[{count}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Multipliers reaching gcd(A), by folding the extended Euclidean algorithm over A."""
        numbers = parameters["A"]
        multipliers = [1 if numbers[0] > 0 else -1]
        current = abs(numbers[0])
        for value in numbers[1:]:
            current, scale, coefficient = extended_gcd(current, value)
            multipliers = [m * scale for m in multipliers] + [coefficient]
        return multipliers

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        multipliers = parse_int_list(answer)
        numbers = parameters["A"]
        if len(multipliers) != len(numbers):
            return rewards.invalid(f"expected {len(numbers)} multipliers, got {len(multipliers)}")
        total = sum(a * x for a, x in zip(numbers, multipliers, strict=True))
        if total <= 0:
            return rewards.invalid(f"S = {total} is not positive")
        gcd = reduce(math.gcd, numbers)
        return rewards.optimality(total, gcd, 5.0, minimize=True)
