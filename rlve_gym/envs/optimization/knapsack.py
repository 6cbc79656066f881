"""0/1 knapsack."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


class Knapsack(Task):
    """Choose distinct items with total weight at most the capacity, maximising total value.

    Difficulty: N items, N growing as N ← int(1.1·N + 1) from 3; weights in [1, N], values in [1, 2·weight],
    capacity uniform in [min weight, total weight].
    Reward: -1 unparsable; -0.5 for repeated or out-of-range items or exceeding the capacity; otherwise
    (achieved value / optimal value)^5.
    Answer: the chosen item indices (0-based) on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"items": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["items"]
        weights = [rng.randint(1, n) for _ in range(n)]
        values = [rng.randint(1, 2 * w) for w in weights]
        parameters = {"W": weights, "V": values, "capacity": rng.randint(min(weights), sum(weights))}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        weights, values = parameters["W"], parameters["V"]
        lines = "\n".join(f"item {i}: weight {w}, value {v}" for i, (w, v) in enumerate(zip(weights, values)))
        return (
            f"There are {len(weights)} items:\n{lines}\n"
            f"Choose a set of distinct items whose total weight is at most {parameters['capacity']} and whose total "
            "value is as large as possible.\n"
            "Write the indices of the chosen items on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal item set (dynamic programme over capacity with a take-table for reconstruction)."""
        weights, values, capacity = parameters["W"], parameters["V"], parameters["capacity"]
        best = [0] * (capacity + 1)
        taken = []
        for weight, value in zip(weights, values):
            took = bytearray(capacity + 1)
            for c in range(capacity, weight - 1, -1):
                if best[c - weight] + value > best[c]:
                    best[c] = best[c - weight] + value
                    took[c] = 1
            taken.append(took)
        chosen, c = [], capacity
        for item in range(len(weights) - 1, -1, -1):
            if taken[item][c]:
                chosen.append(item)
                c -= weights[item]
        return sorted(chosen)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        items = parse_int_list(answer, allow_empty=True)
        weights, values = parameters["W"], parameters["V"]
        if len(set(items)) != len(items) or any(not 0 <= i < len(weights) for i in items):
            return rewards.invalid("items must be distinct indices in range")
        if sum(weights[i] for i in items) > parameters["capacity"]:
            return rewards.invalid("the chosen items exceed the capacity")
        best = sum(values[i] for i in self.solve(parameters))
        return rewards.optimality(sum(values[i] for i in items), best, 5.0, minimize=False)
