"""Submatrices whose sum is divisible by K."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0


class SubmatrixSumDivisibleCounting(Task):
    """Count the non-empty contiguous submatrices of an N × M integer matrix whose sum is divisible by K.

    Difficulty: N and M are uniform in [2, L] with L = 3 + d; K is uniform in [2, N·M]; entries uniform in
    [0, K-1].
    Reward: -1 unparsable or negative; if the true count is 0, 1 for 0 and 0 otherwise; else (min/max)^10 of the
    answer and the true count.
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N_M": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        limit = self.ladder(difficulty)["max_N_M"]
        rows, columns = rng.randint(2, limit), rng.randint(2, limit)
        divisor = rng.randint(2, rows * columns)
        matrix = [[rng.randint(0, divisor - 1) for _ in range(columns)] for _ in range(rows)]
        parameters = {"matrix": matrix, "K": divisor}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        matrix, divisor = parameters["matrix"], parameters["K"]
        rows = "\n".join(" ".join(map(str, row)) for row in matrix)
        return (
            f"Here is a matrix with {len(matrix)} rows and {len(matrix[0])} columns:\n{rows}\n"
            "A submatrix is given by a contiguous range of rows and a contiguous range of columns (both non-empty); "
            "submatrices at different positions count separately even if their entries are equal, and the whole "
            f"matrix is one of them. How many submatrices have a sum of entries divisible by {divisor}?\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """For every pair of boundary rows, column sums reduce to a 1-D count of subarrays with sum ≡ 0 (mod K):
        pairs of equal prefix residues. O(N²·M)."""
        matrix, divisor = parameters["matrix"], parameters["K"]
        rows, columns = len(matrix), len(matrix[0])
        count = 0
        for top in range(rows):
            column_sums = [0] * columns
            for bottom in range(top, rows):
                seen = {0: 1}
                prefix = 0
                for c in range(columns):
                    column_sums[c] += matrix[bottom][c]
                    prefix = (prefix + column_sums[c]) % divisor
                    count += seen.get(prefix, 0)
                    seen[prefix] = seen.get(prefix, 0) + 1
        return count

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count must be non-negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
