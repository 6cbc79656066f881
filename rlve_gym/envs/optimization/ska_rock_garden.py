"""Swap the coordinates of some points to minimise the bounding box perimeter, then the swap cost (POI 2010,
Rock Garden)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def perimeter_and_cost(xs: list[int], ys: list[int], costs: list[int], swaps: str) -> tuple[int, int]:
    """Bounding-box perimeter and total cost after swapping the points marked '1' in `swaps`."""
    placed = [(y, x) if flag == "1" else (x, y) for x, y, flag in zip(xs, ys, swaps)]
    width = max(p[0] for p in placed) - min(p[0] for p in placed)
    height = max(p[1] for p in placed) - min(p[1] for p in placed)
    return 2 * (width + height), sum(c for c, flag in zip(costs, swaps) if flag == "1")


def best_swaps(xs: list[int], ys: list[int], costs: list[int]) -> str:
    """Swaps giving the least perimeter and, among those, the least cost.

    Putting every point's smaller coordinate first gives the least perimeter: the box [lx, rx] × [ly, ry] with
    lx, rx the extremes of the smaller coordinates and ly, ry of the larger. A box of that perimeter is one of the
    four that use {lx, ly} as lower and {rx, ry} as upper bounds; in each, a point stays unswapped when it fits
    as it is and is swapped only when it must be.
    """
    small = [min(x, y) for x, y in zip(xs, ys)]
    large = [max(x, y) for x, y in zip(xs, ys)]
    lx, rx, ly, ry = min(small), max(small), min(large), max(large)
    best: tuple[int, str] | None = None
    for low_x, high_x, low_y, high_y in ((lx, rx, ly, ry), (lx, ry, ly, rx), (ly, rx, lx, ry), (ly, ry, lx, rx)):
        flags, total = [], 0
        for x, y, cost in zip(xs, ys, costs):
            if low_x <= x <= high_x and low_y <= y <= high_y:
                flags.append("0")
            elif low_x <= y <= high_x and low_y <= x <= high_y:
                flags.append("1")
                total += cost
            else:
                break
        else:
            if best is None or total < best[0]:
                best = (total, "".join(flags))
    assert best is not None  # the first box always fits, every point oriented smaller-first
    return best[1]


class SkaRockGarden(Task):
    """Choose which of N points get their coordinates swapped so that the axis-aligned bounding box has the least
    perimeter and, among such choices, the total swap cost is least.

    Difficulty: N grows as N ← int(1.1·N + 1) from 3; coordinates are uniform in [0, 2N], costs in [1, N].
    Reward: -1 unparsable (not N characters 0/1); otherwise 0.5·(least perimeter / perimeter)^5, plus, when the
    perimeter is the least, 0.5·(least cost / cost)^5 (a zero is matched only by a zero). A fully correct answer
    has both at their least and scores 1.
    Answer: N characters 0 or 1 on one line; character i is 1 iff point i is swapped.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {
            "X": [rng.randint(0, 2 * n) for _ in range(n)],
            "Y": [rng.randint(0, 2 * n) for _ in range(n)],
            "M": [rng.randint(1, n) for _ in range(n)],
        }
        return Instance(parameters, best_swaps(parameters["X"], parameters["Y"], parameters["M"]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        xs, ys, costs = parameters["X"], parameters["Y"], parameters["M"]
        n = len(xs)
        points = "\n".join(f"point {i}: X={x} Y={y} M={m}" for i, (x, y, m) in enumerate(zip(xs, ys, costs)))
        return (
            f"There are {n} points in the plane; point i is (X[i], Y[i]) and swapping its coordinates, turning "
            "(x, y) into (y, x), costs M[i]:\n"
            f"{points}\n"
            "Decide which points to swap. First, make the perimeter of the smallest axis-aligned rectangle "
            "containing all the points (after the swaps) as small as possible: 2·((max x - min x) + (max y - min y)). "
            "Second, among the choices with that smallest perimeter, make the total cost of the swapped points as "
            "small as possible.\n"
            f"Write one line of {n} characters without separators: the i-th character (counting from 0) is 1 if "
            "point i is swapped and 0 if it is not."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        xs, ys, costs = parameters["X"], parameters["Y"], parameters["M"]
        swaps = "".join(answer.split())
        if len(swaps) != len(xs) or swaps.strip("01"):
            raise AnswerFormatError(f"expected {len(xs)} characters 0 or 1")
        perimeter, cost = perimeter_and_cost(xs, ys, costs, swaps)
        best_perimeter, best_cost = perimeter_and_cost(xs, ys, costs, best_swaps(xs, ys, costs))
        if perimeter < best_perimeter or (perimeter == best_perimeter and cost < best_cost):
            raise ValueError("an answer beats the reference: the solver is wrong")
        if perimeter == best_perimeter and cost == best_cost:
            return rewards.correct("least perimeter at least cost")
        reward = 0.5 * (best_perimeter / perimeter) ** _BETA
        if perimeter == best_perimeter:
            reward += 0.5 * (best_cost / cost) ** _BETA
        return rewards.wrong(f"perimeter {perimeter} (least {best_perimeter}), cost {cost} (least {best_cost})", reward)
