"""Evaluate an Ackermann-like recursive function f(m, n)."""

from __future__ import annotations

import functools
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import grown


class RecursiveFunction(Task):
    """Compute f(M, N) for f(0, n) = n + 1, f(m, 0) = f(m − 1, 1) and, for m, n > 0,
    f(m, n) = f(m // 2, f(m // 2, n // 2)) + f(m // 2, f(m // 2, n − 1)).

    Every call with m > 0 and n > 0 halves m, so memoised evaluation needs about 4^(log2 M) calls even though
    the values grow very fast.
    Difficulty: the bound V ← int(1.1·V + 1) from 3; M and N uniform in [1, V].
    Reward: -1 unparsable; 1 for the exact value, else 0.
    Answer: one integer.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_M_N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        bound = self.ladder(difficulty)["max_M_N"]
        parameters = {"M": rng.randint(1, bound), "N": rng.randint(1, bound)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "A function f(m, n) on non-negative integers is defined by:\n"
            "1. if m = 0, then f(m, n) = n + 1;\n"
            "2. if m > 0 and n = 0, then f(m, n) = f(m - 1, 1);\n"
            "3. if m > 0 and n > 0, then f(m, n) = f(m // 2, f(m // 2, n // 2)) + f(m // 2, f(m // 2, n - 1)), "
            "where // is integer division (rounding down).\n"
            f"Compute f({parameters['M']}, {parameters['N']}). Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Memoised evaluation (the recursion is shallow: m halves or drops by one at every level)."""

        @functools.cache
        def f(m: int, n: int) -> int:
            if m == 0:
                return n + 1
            if n == 0:
                return f(m - 1, 1)
            half = m // 2
            return f(half, f(half, n // 2)) + f(half, f(half, n - 1))

        return f(parameters["M"], parameters["N"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
