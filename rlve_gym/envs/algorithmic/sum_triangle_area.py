"""Twice the total area of all triangles with vertices among N lattice points."""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0


class SumTriangleArea(Task):
    """Twice the sum of the areas of all triangles formed by three of N distinct lattice points.

    Points are N distinct cells of the grid [0, N]², drawn uniformly; collinear triples count with area 0. The
    reference pivots on each point in (x, y) order: the later points all lie in a half-plane around it, so after
    sorting them by direction every cross product of an earlier and a later vector is non-negative, and the sum
    over pairs folds into prefix sums (O(N² log N)).
    Difficulty: N ← N + 1 from 4.
    Reward: -1 unparsable or negative; otherwise (min/max of answer and truth)^10 (a 0 answer scores 1 only when
    the truth is 0).
    Answer: one non-negative integer, twice the total area.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        cells = rng.sample(range((n + 1) ** 2), n)
        parameters = {"points": [[cell // (n + 1), cell % (n + 1)] for cell in cells]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        points = parameters["points"]
        listed = "\n".join(f"({x}, {y})" for x, y in points)
        return (
            f"Here are {len(points)} distinct points in the plane, given as (x, y):\n{listed}\n"
            "Every choice of three of these points forms a triangle (three collinear points form a triangle of "
            "area 0). Compute the sum of the areas of all these triangles, multiplied by 2 (the result is an "
            "integer).\n"
            "Your answer should be a single integer: twice the total area."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Twice the total area."""
        points = sorted(map(tuple, parameters["points"]))
        total = 0
        for i, (px, py) in enumerate(points):
            # later points have dx > 0, or dx = 0 and dy > 0: sort them by slope, vertical last
            vectors = sorted(
                ((x - px, y - py) for x, y in points[i + 1 :]),
                key=lambda v: (v[0] == 0, Fraction(v[1], v[0]) if v[0] else 0),
            )
            sum_x = sum_y = 0
            for dx, dy in vectors:
                total += sum_x * dy - sum_y * dx  # Σ over earlier (ex, ey) of ex·dy − ey·dx ≥ 0
                sum_x += dx
                sum_y += dy
        return total

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("twice an area cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
