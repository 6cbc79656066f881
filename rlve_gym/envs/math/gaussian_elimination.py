"""Solve a consistent system of linear equations over the integers."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_EQUATION_MULTIPLES = (2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3.0)
_NONZERO_PROBABILITY = 0.5
_DRAWS = 64


class GaussianElimination(Task):
    """Find integers x[0..N-1] satisfying M linear equations with non-negative integer coefficients.

    A hidden solution with entries in [1, N] is planted; each coefficient is non-zero with probability 1/2, then
    uniform in [1, max(1, N/5)], and no equation is all zeros. Any solution is accepted.
    Difficulty: N grows as N ← int(1.1·N + 1) from 3; M = int(r·N) with r drawn from {2.0, 2.1, …, 3.0}.
    Reward: -1 unparsable or not exactly N integers; otherwise (satisfied equations / M)^10.
    Answer: x[0] x[1] … x[N-1] on one line, separated by spaces.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"unknowns": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["unknowns"]
        equations = int(rng.choice(_EQUATION_MULTIPLES) * n)
        hidden = [rng.randint(1, n) for _ in range(n)]
        largest = max(1, n // 5)
        rows = []
        for _ in range(equations):
            for _ in range(_DRAWS):  # an all-zero row has probability 2^-N per draw
                row = [rng.randint(1, largest) if rng.random() < _NONZERO_PROBABILITY else 0 for _ in range(n)]
                if any(row):
                    break
            else:
                row[rng.randrange(n)] = rng.randint(1, largest)
            rows.append(row)
        results = [sum(c * x for c, x in zip(row, hidden)) for row in rows]
        parameters = {"coefficients": rows, "results": results}
        return Instance(parameters, " ".join(map(str, hidden)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        rows, results = parameters["coefficients"], parameters["results"]
        n = len(rows[0])
        lines = "\n".join(
            " + ".join(f"{c}*x[{i}]" for i, c in enumerate(row) if c) + f" = {result}"
            for row, result in zip(rows, results)
        )
        return (
            f"The {n} integers x[0], x[1], ..., x[{n - 1}] satisfy these {len(rows)} equations:\n{lines}\n"
            "Find integer values for all of them that satisfy every equation (any solution is accepted).\n"
            f"Write x[0] x[1] ... x[{n - 1}] on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        rows, results = parameters["coefficients"], parameters["results"]
        if len(values) != len(rows[0]):
            return rewards.unparsable(f"expected {len(rows[0])} integers, got {len(values)}")
        satisfied = sum(sum(c * x for c, x in zip(row, values)) == r for row, r in zip(rows, results))
        return rewards.partial(satisfied / len(rows), 10.0, f"{satisfied}/{len(rows)} equations hold")
