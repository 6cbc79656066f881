"""Largest subset of points in convex position."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_NOT_CONVEX_REWARD = -0.2
_TRIES_PER_BOX = 100
_BOX_DOUBLINGS = 8


def _direction(dx: int, dy: int) -> tuple[int, int]:
    """The primitive vector along (dx, dy), sign-normalised so that opposite directions coincide."""
    g = math.gcd(dx, dy)
    dx, dy = dx // g, dy // g
    return (dx, dy) if dx > 0 or (dx == 0 and dy > 0) else (-dx, -dy)


def _cross(o: list[int], a: list[int], b: list[int]) -> int:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def in_convex_position(points: list[list[int]]) -> bool:
    """True iff there are at least 3 points and every one is a vertex of their convex hull (strictly)."""
    ordered = sorted(map(tuple, points))
    if len(ordered) < 3 or len(set(ordered)) != len(ordered):
        return False
    hull_size = 0
    for sequence in (ordered, ordered[::-1]):
        chain: list[tuple[int, ...]] = []
        for p in sequence:
            while len(chain) >= 2 and _cross(chain[-2], chain[-1], p) <= 0:
                chain.pop()
            chain.append(p)
        hull_size += len(chain) - 1
    return hull_size == len(ordered)


def largest_convex_subset(points: list[list[int]]) -> list[int]:
    """Indices of a largest subset in convex position (no three points collinear assumed).

    Directed edges are sorted by angle; for each start vertex s, a sweep over the edges keeps the longest chain
    s → … → v with increasing edge angles, and a chain that returns to s is a convex polygon (its edges turn
    monotonically through exactly one full turn). O(N³) after sorting.
    """
    n = len(points)
    edges = []
    for u in range(n):
        for v in range(n):
            if u != v:
                dx, dy = points[v][0] - points[u][0], points[v][1] - points[u][1]
                g = math.gcd(dx, dy)
                # parallel edges get the identical primitive vector, hence the identical angle
                edges.append((math.atan2(dy // g, dx // g), u, v))
    edges.sort()
    best_cycle: list[int] = []
    for start in range(n):
        length = [-1] * n
        last_edge = [-1] * n
        previous_edge = [-1] * len(edges)
        length[start] = 0
        for index, (_, u, v) in enumerate(edges):
            if length[u] >= 0 and length[u] + 1 > length[v]:
                length[v] = length[u] + 1
                previous_edge[index] = last_edge[u]
                last_edge[v] = index
        if length[start] > len(best_cycle):
            cycle, index = [], last_edge[start]
            while index >= 0:
                cycle.append(edges[index][1])
                index = previous_edge[index]
            best_cycle = cycle
    return sorted(best_cycle)


def _random_points(rng: random.Random, n: int) -> list[list[int]]:
    """n distinct lattice points in [0, n]², no three collinear; the box doubles if a point cannot be placed."""
    points: list[list[int]] = []
    box = n
    while len(points) < n:
        for _ in range(_BOX_DOUBLINGS):
            placed = False
            for _ in range(_TRIES_PER_BOX):
                x, y = rng.randint(0, box), rng.randint(0, box)
                seen: set[tuple[int, int]] = set()
                for px, py in points:
                    if (px, py) == (x, y):
                        break
                    direction = _direction(px - x, py - y)
                    if direction in seen:  # two placed points on one line through the candidate
                        break
                    seen.add(direction)
                else:
                    points.append([x, y])
                    placed = True
                    break
            if placed:
                break
            box *= 2
        else:  # practically unreachable: a parabola has no three collinear lattice points
            return [[i, i * i] for i in range(n)]
    return points


class LargestConvexPolygon(Task):
    """Given N lattice points with no three collinear, choose as many as possible that form a convex polygon.

    Difficulty: N = d + 5 points with coordinates in [0, N].
    Reward: -1 unparsable; -0.5 for labels out of range or repeated; -0.2 if the chosen points are fewer than 3
    or not all vertices of their convex hull; otherwise (chosen / largest possible)^5.
    Answer: the labels (1-based) of the chosen points on one line, separated by spaces, in any order.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"points": stepped(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        points = _random_points(rng, self.ladder(difficulty)["points"])
        chosen = largest_convex_subset(points)
        parameters = {"points": points, "best_size": len(chosen)}
        return Instance(parameters, " ".join(str(i + 1) for i in chosen))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        points = parameters["points"]
        listing = "\n".join(f"point {i}: ({x}, {y})" for i, (x, y) in enumerate(points, start=1))
        return (
            f"Here are {len(points)} points in the plane, labelled 1 to {len(points)}; all coordinates are distinct "
            f"and no three points lie on one line:\n{listing}\n"
            "Choose as many of the points as possible such that the chosen points are exactly the vertices of a "
            "convex polygon (every chosen point is a corner of the convex hull of the chosen points).\n"
            "Write the labels of the chosen points on one line, separated by spaces, in any order."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Labels (1-based) of a largest subset in convex position."""
        return [i + 1 for i in largest_convex_subset(parameters["points"])]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        labels = parse_int_list(answer)
        points = parameters["points"]
        if any(not 1 <= label <= len(points) for label in labels) or len(set(labels)) != len(labels):
            return rewards.invalid("labels must be distinct and between 1 and N")
        if not in_convex_position([points[label - 1] for label in labels]):
            return rewards.wrong("the chosen points are not the vertices of a convex polygon", _NOT_CONVEX_REWARD)
        return rewards.optimality(len(labels), parameters["best_size"], 5.0, minimize=False)
