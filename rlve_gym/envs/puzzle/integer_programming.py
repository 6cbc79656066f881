"""Integer feasibility: find integers satisfying a system of linear inequalities."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_ROW_MULTIPLES = (1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0)
_MAX_COEFFICIENT = 4
_NONZERO_PROBABILITY = 0.5


class IntegerProgramming(Task):
    """Find integers x[0..N-1] that satisfy M linear inequalities ∑ c·x ≥ b with small integer coefficients.

    A hidden integer point in [-N, N]^N is planted: each row has coefficients that are non-zero with probability
    1/2 and magnitude 1..4 (random sign), and its bound is the row's value at the hidden point minus a slack in
    [0, 2]. The hidden point is the reference answer (integer feasibility is NP-complete; any point that satisfies
    every row counts).
    Difficulty: N = 3 + d; M = int(r·N) with r drawn from {1.0, 1.1, ..., 2.0}.
    Reward: -1 unparsable or not exactly N integers; otherwise (satisfied inequalities / M)^5.
    Answer: x[0] … x[N-1] on one line, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        row_count = int(rng.choice(_ROW_MULTIPLES) * n)
        hidden = [rng.randint(-n, n) for _ in range(n)]
        rows, bounds = [], []
        for _ in range(row_count):
            coefficients = [0] * n
            for i in range(n):
                if rng.random() < _NONZERO_PROBABILITY:
                    coefficients[i] = rng.choice((-1, 1)) * rng.randint(1, _MAX_COEFFICIENT)
            if not any(coefficients):  # an all-zero row says nothing; give it one term instead of redrawing
                coefficients[rng.randrange(n)] = rng.choice((-1, 1)) * rng.randint(1, _MAX_COEFFICIENT)
            rows.append(coefficients)
            bounds.append(sum(c * x for c, x in zip(coefficients, hidden, strict=True)) - rng.randint(0, 2))
        parameters = {"N": n, "rows": rows, "bounds": bounds}
        return Instance(parameters, " ".join(map(str, hidden)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        lines = []
        for coefficients, bound in zip(parameters["rows"], parameters["bounds"], strict=True):
            terms = " + ".join(f"({c})*x[{i}]" for i, c in enumerate(coefficients) if c)
            lines.append(f"{terms} ≥ {bound}")
        return (
            f"Find integers x[0], x[1], ..., x[{n - 1}] that satisfy all of the following {len(lines)} "
            f"inequalities:\n" + "\n".join(lines) + "\n"
            f"Write x[0] ... x[{n - 1}] on one line, separated by spaces (for example, {' '.join(map(str, range(n)))} "
            f"means x[0] = 0, ..., x[{n - 1}] = {n - 1})."
        )

    def satisfied(self, parameters: dict[str, Any], values: list[int]) -> int:
        """How many inequalities `values` satisfies."""
        return sum(
            sum(c * x for c, x in zip(coefficients, values, strict=True)) >= bound
            for coefficients, bound in zip(parameters["rows"], parameters["bounds"], strict=True)
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        n = parameters["N"]
        if len(values) != n:
            raise AnswerFormatError(f"expected exactly {n} integers, got {len(values)}")
        satisfied, total = self.satisfied(parameters, values), len(parameters["rows"])
        return rewards.partial(satisfied / total, _BETA, f"{satisfied}/{total} inequalities hold")
