"""The smallest circle enclosing a set of lattice points, no three of them collinear."""

from __future__ import annotations

import math
import random
import re
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_float
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.numbers import primes_up_to

TOLERANCE = 1e-3
"""Absolute tolerance: points may lie up to this far outside the circle, and a radius up to this much above the
least radius is fully correct (RLVE's precision and passing threshold)."""
_BETA = 10.0
_TRIES_PER_POINT = 200

Circle = tuple[Fraction, Fraction, Fraction]  # centre x, centre y, squared radius


def _line_through(p: tuple[int, int], q: tuple[int, int]) -> tuple[int, int, int]:
    """The line a·x + b·y + c = 0 through two lattice points, normalised (gcd 1, first non-zero of a, b positive)."""
    a, b = q[1] - p[1], p[0] - q[0]
    c = -(a * p[0] + b * p[1])
    g = math.gcd(a, b, c)
    a, b, c = a // g, b // g, c // g
    if a < 0 or (a == 0 and b < 0):
        a, b, c = -a, -b, -c
    return a, b, c


def random_points_in_general_position(rng: random.Random, n: int, side: int) -> list[list[int]]:
    """n distinct points of [0, side]² with no three collinear, drawn one by one uniformly among those keeping the
    property; if a point takes too many draws, falls back to a shuffled subset of the parabola (i, i² mod p) for a
    prime p ≤ side + 1, which never has three collinear points."""
    points: list[tuple[int, int]] = []
    lines: set[tuple[int, int, int]] = set()
    while len(points) < n:
        for _ in range(_TRIES_PER_POINT):
            candidate = (rng.randint(0, side), rng.randint(0, side))
            if candidate in points:
                continue
            through = [_line_through(candidate, p) for p in points]
            if not lines.intersection(through):
                points.append(candidate)
                lines.update(through)
                break
        else:
            prime = next(p for p in reversed(primes_up_to(side + 1)) if p >= n)
            chosen = rng.sample(range(prime), n)
            return [[i, i * i % prime] for i in chosen]
    return [list(p) for p in points]


def _circle_two(p: tuple[int, int], q: tuple[int, int]) -> Circle:
    cx, cy = Fraction(p[0] + q[0], 2), Fraction(p[1] + q[1], 2)
    return cx, cy, (p[0] - cx) ** 2 + (p[1] - cy) ** 2


def _circle_three(p: tuple[int, int], q: tuple[int, int], r: tuple[int, int]) -> Circle:
    ax, ay, bx, by = q[0] - p[0], q[1] - p[1], r[0] - p[0], r[1] - p[1]
    determinant = 2 * (ax * by - ay * bx)
    if determinant == 0:  # collinear: the circle on the farthest pair
        return max((_circle_two(u, v) for u, v in ((p, q), (p, r), (q, r))), key=lambda circle: circle[2])
    ux = Fraction(by * (ax * ax + ay * ay) - ay * (bx * bx + by * by), determinant)
    uy = Fraction(ax * (bx * bx + by * by) - bx * (ax * ax + ay * ay), determinant)
    return p[0] + ux, p[1] + uy, ux * ux + uy * uy


def _inside(point: tuple[int, int], circle: Circle) -> bool:
    return (point[0] - circle[0]) ** 2 + (point[1] - circle[1]) ** 2 <= circle[2]


def smallest_enclosing_circle(points: list[list[int]]) -> Circle:
    """The exact smallest enclosing circle (rational centre and squared radius), by the randomised incremental
    algorithm (Welzl's, iterative form) over a fixed shuffle."""
    order = [tuple(p) for p in points]
    random.Random(len(order)).shuffle(order)  # any order gives the same (unique) circle
    circle: Circle = (Fraction(order[0][0]), Fraction(order[0][1]), Fraction(0))
    for i, p in enumerate(order):
        if _inside(p, circle):
            continue
        circle = (Fraction(p[0]), Fraction(p[1]), Fraction(0))
        for j in range(i):
            q = order[j]
            if _inside(q, circle):
                continue
            circle = _circle_two(p, q)
            for k in range(j):
                if not _inside(order[k], circle):
                    circle = _circle_three(p, q, order[k])
    return circle


class SmallestCircle(Task):
    """Find the smallest circle containing N given lattice points (distinct, no three collinear).

    Difficulty: N grows as N ← int(1.1·N + 1) from 4; coordinates lie in [0, 2N].
    Reward: -1 unparsable or radius ≤ 0; 0 if some point lies more than 1e-3 outside the circle; otherwise 1 (fully
    correct) when the radius is at most the least radius + 1e-3, else (least radius / radius)^10. This is RLVE's
    scoring, whose passing threshold accepts exactly the radii within 1e-3 of the least; here that band is the
    fully-correct band and is rewarded exactly 1.
    Answer: three decimal numbers on one line separated by spaces: the centre x, the centre y and the radius r.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"points": random_points_in_general_position(rng, n, 2 * n)}
        cx, cy, squared = smallest_enclosing_circle(parameters["points"])
        # the radius is rounded up so that the printed circle still contains every point
        radius = math.ceil(math.sqrt(squared) * 1e6 + 2) / 1e6
        return Instance(parameters, f"{float(cx):.6f} {float(cy):.6f} {radius:.6f}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        points = parameters["points"]
        listing = "\n".join(f"({x}, {y})" for x, y in points)
        return (
            f"Here are {len(points)} points in the plane, with integer coordinates, all distinct, no three on one "
            f"line:\n{listing}\n"
            "Find the circle of smallest radius that contains all of them (points on the circle count as inside). "
            f"Precision: a point may lie up to {TOLERANCE} outside your circle, and a radius within {TOLERANCE} of "
            "the smallest possible one counts as exact.\n"
            "Write three decimal numbers on one line, separated by spaces: the x coordinate of the centre, the y "
            "coordinate of the centre, and the radius."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        numbers = [token for token in re.split(r"[\s,;]+", answer.strip().strip("()[]")) if token]
        if len(numbers) != 3:
            raise AnswerFormatError("expected three numbers: x, y and r")
        x, y, radius = (parse_float(token) for token in numbers)
        if radius <= 0:
            raise AnswerFormatError("the radius must be positive")
        if any(math.hypot(px - x, py - y) > radius + TOLERANCE for px, py in parameters["points"]):
            return rewards.wrong("some point lies outside the circle")
        least = math.sqrt(smallest_enclosing_circle(parameters["points"])[2])
        if radius <= least + TOLERANCE:
            return rewards.correct(f"radius within {TOLERANCE} of the least")
        return rewards.wrong(f"radius {radius:.6g}, least {least:.6g}", (least / radius) ** _BETA)
