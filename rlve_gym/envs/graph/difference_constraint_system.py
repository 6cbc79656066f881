"""Solve a system of difference constraints x[i] − x[j] ≤ c."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_SLACK = 5
_CONSTRAINT_MULTIPLES = (1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0)


class DifferenceConstraintSystem(Task):
    """Find integers x[0..N−1] satisfying M constraints of the form x[i] − x[j] ≤ c.

    A hidden solution with entries uniform in [−N, N] is planted; each constraint takes a distinct ordered pair
    (i, j) and c = x[i] − x[j] + a slack uniform in [0, 5].
    Difficulty: N growing as N ← int(1.1·N + 1) from 3; M = min(⌊m·N⌋, N(N−1)) with m drawn from
    {1.0, 1.1, …, 2.0}.
    Reward: -1 unparsable or not N integers; otherwise (satisfied constraints / M)^5.
    Answer: x[0] … x[N−1] on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        hidden = [rng.randint(-n, n) for _ in range(n)]
        count = min(int(rng.choice(_CONSTRAINT_MULTIPLES) * n), n * (n - 1))
        pairs = rng.sample([[i, j] for i in range(n) for j in range(n) if i != j], count)
        constraints = [[i, j, hidden[i] - hidden[j] + rng.randint(0, _SLACK)] for i, j in pairs]
        return Instance({"N": n, "constraints": constraints}, " ".join(map(str, hidden)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, constraints = parameters["N"], parameters["constraints"]
        lines = "\n".join(f"x[{i}] − x[{j}] ≤ {c}" for i, j, c in constraints)
        return (
            f"Find integers x[0], x[1], …, x[{n - 1}] that satisfy all {len(constraints)} inequalities:\n{lines}\n"
            f"Write x[0] to x[{n - 1}] on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        constraints = parameters["constraints"]
        if len(values) != parameters["N"]:
            return rewards.unparsable(f"expected {parameters['N']} integers")
        satisfied = sum(values[i] - values[j] <= c for i, j, c in constraints)
        return rewards.partial(satisfied / len(constraints), _BETA, f"{satisfied}/{len(constraints)} hold")
