"""The largest rectangle (any orientation) with four of the given points as corners."""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def rectangle_area(corners: list[tuple[int, int]]) -> int:
    """The area of the rectangle with these four corners (in any order), or 0 if they do not form one.

    Four points form a rectangle exactly when they split into two diagonals with the same midpoint and length;
    the area is then |(c - a) × (d - a)| for diagonals (a, b) and (c, d).
    """
    a, b, c, d = corners
    for (p, q), (r, s) in (((a, b), (c, d)), ((a, c), (b, d)), ((a, d), (b, c))):
        same_middle = p[0] + q[0] == r[0] + s[0] and p[1] + q[1] == r[1] + s[1]
        same_length = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 == (r[0] - s[0]) ** 2 + (r[1] - s[1]) ** 2
        if same_middle and same_length:
            area = abs((r[0] - p[0]) * (s[1] - p[1]) - (r[1] - p[1]) * (s[0] - p[0]))
            if area:
                return area
    return 0


def largest_rectangle(points: list[list[int]]) -> tuple[int, list[int]]:
    """(largest area, its four point indices): pairs of points grouped by midpoint and length are the diagonals."""
    diagonals: defaultdict[tuple[int, int, int], list[tuple[int, int]]] = defaultdict(list)
    for i, (xi, yi) in enumerate(points):
        for j in range(i + 1, len(points)):
            xj, yj = points[j]
            diagonals[(xi - xj) ** 2 + (yi - yj) ** 2, xi + xj, yi + yj].append((i, j))
    best, corners = 0, []
    for pairs in diagonals.values():
        for k, (i, j) in enumerate(pairs):
            for p, q in pairs[k + 1 :]:
                (xi, yi), (xj, yj), (xp, yp) = points[i], points[j], points[p]
                area = abs((xj - xi) * (yp - yi) - (yj - yi) * (xp - xi))
                if area > best:
                    best, corners = area, [i, p, j, q]
    return best, corners


class LargestRectangle_AmongPoints(Task):
    """Choose four of N points that are the corners of a rectangle (not necessarily axis-aligned) of largest area.

    A rectangle (from a random corner and a random side vector) is planted among random points; the optimum comes
    from grouping point pairs by midpoint and length, the candidate diagonals.
    Difficulty: N ← int(1.1·N + 1) from 5; the planted corner and side vector have coordinates in [-⌊N/2⌋, ⌊N/2⌋],
    the other points in [-N, N].
    Reward: -1 unparsable or not four integers; -0.5 for an index out of range or four points that do not form a
    rectangle of positive area; otherwise (area / largest area)^5.
    Answer: the four point indices (0-based) on one line, in any order, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        half = n // 2
        x, y = rng.randint(-half, half), rng.randint(-half, half)
        for _ in range(100):  # half ≥ 2, so each try succeeds with probability ≥ 24/25
            dx, dy = rng.randint(-half, half), rng.randint(-half, half)
            if dx or dy:
                break
        else:
            dx, dy = 1, 0
        points = [[x, y], [x + dx, y + dy], [x - dy, y + dx], [x + dx - dy, y + dy + dx]]
        points += [[rng.randint(-n, n), rng.randint(-n, n)] for _ in range(n - 4)]
        rng.shuffle(points)
        best, corners = largest_rectangle(points)
        return Instance({"N": n, "points": points, "best": best}, " ".join(map(str, corners)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        listed = "\n".join(f"Point {i}: ({x}, {y})" for i, (x, y) in enumerate(parameters["points"]))
        return (
            f"Here are {parameters['N']} points in the plane:\n{listed}\n"
            "Choose four distinct points that are the corners of a rectangle (its sides need not be parallel to the "
            "axes), making the rectangle's area as large as possible.\n"
            "Write the indices of the four points on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        indices = parse_int_list(answer)
        if len(indices) != 4:
            raise AnswerFormatError(f"expected four indices, got {len(indices)}")
        points = parameters["points"]
        if any(not 0 <= i < len(points) for i in indices):
            return rewards.invalid(f"indices must lie in [0, {len(points) - 1}]")
        if len(set(indices)) != 4:
            return rewards.invalid("the four indices must be distinct")
        area = rectangle_area([tuple(points[i]) for i in indices])
        if not area:
            return rewards.invalid("the points are not the corners of a rectangle")
        return rewards.optimality(area, parameters["best"], _BETA, minimize=False)
