"""Sum over positions of how far each entry sees to the right over strictly smaller entries (USACO "Bad Hair Day")."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import grown


class MonotonicStack(Task):
    """For an array A[1..N], C[i] counts the j > i with A[k] < A[i] for every k in i+1..j; report ∑ C[i].

    Difficulty: N ← int(1.1·N + 1) from 4; entries uniform in [1, N]. The reference keeps a stack of entries
    strictly decreasing from bottom to top: when A[t] arrives, entries ≤ A[t] are popped, and every entry left
    on the stack sees position t.
    Reward: -1 unparsable; 1 for the exact sum, else 0.
    Answer: the sum, a single integer.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"A": [rng.randint(1, n) for _ in range(n)]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        n = len(values)
        listing = " ".join(f"A[{i}]={a}" for i, a in enumerate(values, start=1))
        return (
            f"An array A is indexed from 1 to {n}:\n{listing}\n"
            f"For each i from 1 to {n}, let C[i] be the number of indices j with i + 1 ≤ j ≤ {n} such that "
            "A[k] < A[i] for every k with i + 1 ≤ k ≤ j.\n"
            f"Compute C[1] + C[2] + ... + C[{n}] and write it as a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """∑ C[i] with a monotonic stack in linear time."""
        stack: list[int] = []
        total = 0
        for value in parameters["A"]:
            while stack and stack[-1] <= value:
                stack.pop()
            total += len(stack)
            stack.append(value)
        return total

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
