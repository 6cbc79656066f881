"""Clear symmetrical 0/1 matrices (Codeforces 201A): the smallest side that fits a given number of ones."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


class ClearSymmetry(Task):
    """Find the smallest n such that some n×n 0/1 matrix with exactly x ones has no two ones sharing a side and
    is unchanged by the horizontal and the vertical reflection.

    Difficulty: x uniform in [1, X_max], X_max growing as X_max ← int(1.5·X_max) from 5.
    Reward: -1 unparsable; 1 for the smallest side, else 0.
    Answer: one positive integer n.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_x": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"x": rng.randint(1, self.ladder(difficulty)["max_x"])}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        x = parameters["x"]
        return (
            "Consider an n×n matrix A whose entries are 0 or 1, with rows and columns numbered 1 to n. Call A clear "
            "when no two cells holding 1 share a side, and symmetrical when A(i, j) = A(n − i + 1, j) and "
            "A(i, j) = A(i, n − j + 1) for all 1 ≤ i, j ≤ n (reflecting it top-to-bottom or left-to-right leaves it "
            "unchanged). Its sharpness is the number of ones it holds.\n"
            f"Find the smallest positive integer n for which a clear symmetrical n×n matrix of sharpness {x} exists.\n"
            "Answer with that single integer n."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The smallest side.

        Even sides never help: the two middle rows (and columns) mirror each other and touch, so they stay empty
        and the matrix is no better than the odd side below it. An odd side n holds at most (n² + 1)/2 ones (a
        checkerboard), and every count up to that is reachable, except that 3 ones do not fit in a 3×3 matrix
        (ones off the middle row and column come in fours).
        """
        x = parameters["x"]
        if x == 3:
            return 5
        side = math.isqrt(2 * x - 1)
        if side * side < 2 * x - 1:
            side += 1
        return side if side % 2 else side + 1

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == self.solve(parameters) else rewards.wrong()
