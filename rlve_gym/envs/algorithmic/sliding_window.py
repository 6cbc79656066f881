"""Sliding-window minimum."""

from __future__ import annotations

import random
from collections import deque
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


class SlidingWindow(Task):
    """Report the minimum of every window of K consecutive entries of an array of N integers.

    Difficulty: N ← int(1.1·N + 1) from 5; K uniform in [2, N-1]; entries uniform in [-(N // 20), N]. The
    reference keeps a deque of indices with increasing values (linear time).
    Reward: -1 unparsable; -0.5 for the wrong count of numbers; otherwise (fraction of windows right)^10.
    Answer: the N-K+1 minima from the leftmost window to the rightmost, on one line separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"A": [rng.randint(-(n // 20), n) for _ in range(n)], "K": rng.randint(2, n - 1)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, width = parameters["A"], parameters["K"]
        windows = len(values) - width + 1
        return (
            f"Here is a list of {len(values)} integers: {' '.join(map(str, values))}\n"
            f"For every run of {width} consecutive numbers in the list (there are {windows} of them), find its "
            "minimum.\n"
            f"Write the {windows} minima on one line, from the leftmost run to the rightmost, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Window minima with a monotonic deque of indices."""
        values, width = parameters["A"], parameters["K"]
        candidates: deque[int] = deque()
        minima = []
        for i, value in enumerate(values):
            if candidates and candidates[0] <= i - width:
                candidates.popleft()
            while candidates and values[candidates[-1]] > value:
                candidates.pop()
            candidates.append(i)
            if i >= width - 1:
                minima.append(values[candidates[0]])
        return minima

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        expected = self.solve(parameters)
        if len(values) != len(expected):
            return rewards.invalid(f"expected {len(expected)} numbers, got {len(values)}")
        matches = sum(a == b for a, b in zip(values, expected, strict=True))
        return rewards.partial(matches / len(expected), _BETA, f"{matches}/{len(expected)} windows right")
