"""Count permutations with no decreasing subsequence of length 3 and one prescribed entry A[X] = Y."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def paths_above_diagonal(start: tuple[int, int], end: tuple[int, int]) -> int:
    """Monotone lattice paths (unit steps in x or y) from `start` to `end` that never reach a point with x > y.

    All paths minus, by reflection across the line y = x - 1, the bad ones: a bad path first touches that line, and
    reflecting its start part maps it to a path from (start_y + 1, start_x - 1).
    """
    (sx, sy), (tx, ty) = start, end
    if tx < sx or ty < sy or sx > sy or tx > ty:
        return 0
    every = math.comb(tx - sx + ty - sy, tx - sx)
    reflected_x, reflected_y = sy + 1, sx - 1
    bad = math.comb(tx - reflected_x + ty - reflected_y, tx - reflected_x) if tx >= reflected_x else 0
    return every - bad


class LDSTwo_Counting(Task):
    """Count permutations A of 1..N with A[X] = Y and no indices a < b < c with A[a] > A[b] > A[c].

    Such (321-avoiding) permutations correspond to lattice paths that stay on one side of the diagonal, the fixed
    entry pins the path through a point, and inversion swaps X and Y; so the count is a product of two reflection-
    principle path counts, (0, 0) → (X-1, Y-1) and (X, Y) → (N, N) with X ≤ Y.
    Difficulty: N ← int(1.1·N + 1) from 4; X and Y uniform in [1, N].
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one non-negative integer, the number of permutations.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "X": rng.randint(1, n), "Y": rng.randint(1, n)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, x, y = parameters["N"], parameters["X"], parameters["Y"]
        return (
            f"Count the permutations A[1], A[2], ..., A[{n}] of the integers 1 to {n} such that:\n"
            f"- A[{x}] = {y};\n"
            f"- there are no indices 1 ≤ a < b < c ≤ {n} with A[a] > A[b] > A[c] (no decreasing subsequence of "
            "length 3).\n"
            "Your answer should be a single non-negative integer, the number of such permutations."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of permutations."""
        n = parameters["N"]
        x, y = sorted((parameters["X"], parameters["Y"]))
        return paths_above_diagonal((0, 0), (x - 1, y - 1)) * paths_above_diagonal((x, y), (n, n))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count must be a non-negative integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
