"""Maximum-weight non-decreasing subsequence."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


class WeightedLIS(Task):
    """Pick indices i1 < i2 < … < ik with A non-decreasing along them, maximising the sum of B over them.

    Difficulty: N grows as N ← int(1.1·N + 1) from 4; A[i] uniform in [0, N], B[i] uniform in [1, N].
    Reward: -1 unparsable; -0.5 for an index out of range, indices not increasing, or A decreasing; otherwise
    (achieved sum / best sum)^5.
    Answer: the chosen indices (0-based) on one line, separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"length": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        length = self.ladder(difficulty)["length"]
        parameters = {
            "A": [rng.randint(0, length) for _ in range(length)],
            "B": [rng.randint(1, length) for _ in range(length)],
        }
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        a, b = parameters["A"], parameters["B"]
        return (
            f"Two arrays of length {len(a)} (0-based indices):\n"
            f"A = {' '.join(map(str, a))}\nB = {' '.join(map(str, b))}\n"
            "Choose indices i1 < i2 < ... < ik such that A[i1] <= A[i2] <= ... <= A[ik], maximising "
            "B[i1] + B[i2] + ... + B[ik].\n"
            "Write the chosen indices on one line in increasing order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal index sequence (O(N²) dynamic programme with back-pointers)."""
        a, b = parameters["A"], parameters["B"]
        best = list(b)
        previous = [-1] * len(a)
        for i in range(len(a)):
            for j in range(i):
                if a[j] <= a[i] and best[j] + b[i] > best[i]:
                    best[i], previous[i] = best[j] + b[i], j
        end = max(range(len(a)), key=lambda i: (best[i], -i))
        chosen = []
        while end >= 0:
            chosen.append(end)
            end = previous[end]
        return chosen[::-1]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        indices = parse_int_list(answer)
        a, b = parameters["A"], parameters["B"]
        if any(not 0 <= i < len(a) for i in indices):
            return rewards.invalid("index out of range")
        for i, j in itertools.pairwise(indices):
            if not i < j:
                return rewards.invalid("indices must be strictly increasing")
            if a[i] > a[j]:
                return rewards.invalid(f"A[{i}] = {a[i]} > A[{j}] = {a[j]}")
        best = sum(b[i] for i in self.solve(parameters))
        return rewards.optimality(sum(b[i] for i in indices), best, 5.0, minimize=False)
