"""Twice the area of the convex hull of integer points in general position."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_ATTEMPTS_PER_POINT = 200


def _line_key(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int, int]:
    """A canonical key of the line through two distinct integer points."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    g = math.gcd(dx, dy)
    dx, dy = dx // g, dy // g
    if dx < 0 or (dx == 0 and dy < 0):
        dx, dy = -dx, -dy
    return dx, dy, dy * a[0] - dx * a[1]


def _cross(o: list[int], a: list[int], b: list[int]) -> int:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _smallest_prime_at_least(n: int) -> int:
    candidate = max(n, 2)
    while any(candidate % f == 0 for f in range(2, math.isqrt(candidate) + 1)):
        candidate += 1
    return candidate


class ConvexHull(Task):
    """Twice the area of the convex hull of N integer points, no three of them collinear.

    Points are drawn one by one uniformly from the grid [0, N]², rejecting duplicates and any point on a line
    through two earlier points. Should a point keep failing (only possible at very large N), the whole set is
    instead taken from the parabola y = x² mod p for a prime p ≥ N, where no three points are ever collinear.
    Difficulty: N grows as N ← int(1.1·N + 1) from 5.
    Reward: -1 unparsable or not a positive integer; else (min/max of answer and truth)^5.
    Answer: one positive integer, twice the hull's area.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"points": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["points"]
        points = self._points_in_general_position(rng, n)
        parameters = {"points": points}
        return Instance(parameters, str(self.solve(parameters)))

    @staticmethod
    def _points_in_general_position(rng: random.Random, n: int) -> list[list[int]]:
        chosen: list[tuple[int, int]] = []
        taken: set[tuple[int, int]] = set()
        lines: set[tuple[int, int, int]] = set()
        for _ in range(n):
            for _ in range(_ATTEMPTS_PER_POINT):
                point = (rng.randint(0, n), rng.randint(0, n))
                if point in taken:
                    continue
                new_lines = [_line_key(point, other) for other in chosen]
                if any(line in lines for line in new_lines):
                    continue
                chosen.append(point)
                taken.add(point)
                lines.update(new_lines)
                break
            else:
                prime = _smallest_prime_at_least(n)
                xs = rng.sample(range(prime), n)
                return [[x, x * x % prime] for x in xs]
        return [list(point) for point in chosen]

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        points = parameters["points"]
        listing = "\n".join(f"({x}, {y})" for x, y in points)
        return (
            f"Here are {len(points)} points in the plane, all with integer coordinates; no two coincide and no "
            f"three lie on one line:\n{listing}\n"
            "Consider their convex hull, the smallest convex polygon containing all of them. Twice its area is an "
            "integer: compute it.\n"
            "Write one integer: twice the area of the convex hull."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Twice the hull area (Andrew's monotone chain, then the shoelace formula)."""
        points = sorted(parameters["points"])
        lower: list[list[int]] = []
        upper: list[list[int]] = []
        for point in points:
            while len(lower) >= 2 and _cross(lower[-2], lower[-1], point) <= 0:
                lower.pop()
            lower.append(point)
        for point in reversed(points):
            while len(upper) >= 2 and _cross(upper[-2], upper[-1], point) <= 0:
                upper.pop()
            upper.append(point)
        hull = lower[:-1] + upper[:-1]
        doubled = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(hull, hull[1:] + hull[:1]))
        return abs(doubled)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            raise AnswerFormatError("twice the area must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), 5.0)
