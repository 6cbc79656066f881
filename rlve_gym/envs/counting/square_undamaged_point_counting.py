"""Count the squares (any orientation) with lattice vertices in a grid, avoiding damaged points."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def squares_at(point: tuple[int, int], n: int, m: int) -> list[tuple[tuple[int, int], ...]]:
    """Every square inside [0, n] × [0, m] with `point` as a vertex, listed counter-clockwise from `point`.

    The side from `point` to the next vertex counter-clockwise is a non-zero vector (dx, dy); turning it by 90°
    gives the other side, so each square through `point` comes out exactly once.
    """
    x, y = point
    found = []
    for dx in range(-n, n + 1):
        for dy in range(-m, m + 1):
            if dx == 0 and dy == 0:
                continue
            corners = ((x, y), (x + dx, y + dy), (x + dx - dy, y + dy + dx), (x - dy, y + dx))
            if all(0 <= cx <= n and 0 <= cy <= m for cx, cy in corners):
                found.append(corners)
    return found


def count_undamaged_squares(n: int, m: int, damaged: list[list[int]]) -> int:
    """Squares of the lattice [0, n] × [0, m] with no damaged vertex.

    An a × b bounding box (a = b = s) holds s squares (one per split s = i + j of its sides), so the full grid has
    Σ_s (n - s + 1)(m - s + 1)·s; each square with a damaged vertex is then removed once, from the first of its
    damaged vertices in the given order.
    """
    total = sum((n - s + 1) * (m - s + 1) * s for s in range(1, min(n, m) + 1))
    rank = {tuple(p): i for i, p in enumerate(damaged)}
    for i, point in enumerate(damaged):
        for corners in squares_at(tuple(point), n, m):
            if all(rank.get(corner, i) >= i for corner in corners):
                total -= 1
    return total


class SquareUndamagedPointCounting(Task):
    """Count the squares, in any orientation, whose four vertices are lattice points of [0, N] × [0, M] and none of
    which is damaged.

    Difficulty: N and M are uniform in [1, MAX], MAX ← int(1.1·MAX + 1) from 2; between 1 and min(N·M, MAX)
    distinct lattice points are damaged.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count (a true count of 0
    needs the answer 0).
    Answer: one integer, the number of squares.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_N_M": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["MAX_N_M"]
        n, m = rng.randint(1, largest), rng.randint(1, largest)
        lattice = [[x, y] for x in range(n + 1) for y in range(m + 1)]
        damaged = rng.sample(lattice, rng.randint(1, min(n * m, largest)))
        parameters = {"N": n, "M": m, "damaged": damaged}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m = parameters["N"], parameters["M"]
        damaged = ", ".join(f"({x}, {y})" for x, y in parameters["damaged"])
        return (
            "Count the squares (of any orientation, not only axis-aligned, and of positive area) whose four "
            f"vertices are all points with integer coordinates (x, y), 0 ≤ x ≤ {n} and 0 ≤ y ≤ {m}, none of the "
            f"four vertices being one of these damaged points: {damaged}\n"
            "Answer with one integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of squares."""
        return count_undamaged_squares(parameters["N"], parameters["M"], parameters["damaged"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count must be a non-negative integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)
