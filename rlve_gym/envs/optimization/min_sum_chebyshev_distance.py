"""The integer point minimising a weighted sum of Chebyshev distances."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def chebyshev_cost(x: int, y: int, xs: list[int], ys: list[int], weights: list[int]) -> int:
    """Σ weights[i] · max(|x - xs[i]|, |y - ys[i]|)."""
    return sum(w * max(abs(x - px), abs(y - py)) for px, py, w in zip(xs, ys, weights))


def _minimising_range(points: list[int], weights: list[int]) -> tuple[int, int]:
    """The integers minimising Σ w·|u - point| form [low, high]; both ends are breakpoints (the function is convex
    and piecewise linear with kinks only at the points)."""
    values = {u: sum(w * abs(u - p) for p, w in zip(points, weights)) for u in set(points)}
    smallest = min(values.values())
    minimisers = [u for u, value in values.items() if value == smallest]
    return min(minimisers), max(minimisers)


def best_point(xs: list[int], ys: list[int], weights: list[int]) -> tuple[int, int]:
    """An optimal integer point (the smallest in (x, y) order among optimal candidates).

    With u = x + y and v = x - y, max(|dx|, |dy|) = (|du| + |dv|) / 2, so the cost splits into two independent
    weighted 1-D problems, except that u and v must have equal parity. If the two minimising ranges contain
    values of equal parity, that pair is optimal; otherwise both ranges are single points, and by convexity an
    optimum moves one of them by one step. The candidates below cover every case."""
    u_low, u_high = _minimising_range([x + y for x, y in zip(xs, ys)], weights)
    v_low, v_high = _minimising_range([x - y for x, y in zip(xs, ys)], weights)
    candidates = [
        ((u + v) // 2, (u - v) // 2)
        for u in (u_low - 1, u_low, u_low + 1, u_high)
        for v in (v_low - 1, v_low, v_low + 1, v_high)
        if (u - v) % 2 == 0
    ]
    return min(candidates, key=lambda point: (chebyshev_cost(*point, xs, ys, weights), point))


class MinSumChebyshevDistance(Task):
    """Given N points (X[i], Y[i]) with weights T[i], find an integer point (x, y) minimising
    Σ T[i] · max(|x - X[i]|, |y - Y[i]|).

    Coordinates are uniform in [1, 2N] and weights in [1, N]; the optimum is exact (weighted medians in the
    rotated coordinates x + y and x - y, with a parity repair).
    Difficulty: N grows as N ← int(1.1·N + 1) from 2.
    Reward: -1 unparsable (anything but two integers); otherwise (optimal sum / sum)^5 (1 when both are 0).
    Answer: x and y on one line, separated by a space.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"points": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["points"]
        xs = [rng.randint(1, 2 * n) for _ in range(n)]
        ys = [rng.randint(1, 2 * n) for _ in range(n)]
        weights = [rng.randint(1, n) for _ in range(n)]
        x, y = best_point(xs, ys, weights)
        parameters = {"X": xs, "Y": ys, "T": weights, "optimum": chebyshev_cost(x, y, xs, ys, weights)}
        return Instance(parameters, f"{x} {y}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        xs, ys, weights = parameters["X"], parameters["Y"], parameters["T"]
        n = len(xs)
        rows = "\n".join(f"X[{i}]={x} Y[{i}]={y} T[{i}]={t}" for i, (x, y, t) in enumerate(zip(xs, ys, weights)))
        return (
            f"Three arrays X, Y and T of length {n} are given:\n{rows}\n"
            f"Find an integer point (x, y) that minimises the sum over 0 ≤ i < {n} of "
            "max(|x - X[i]|, |y - Y[i]|) × T[i].\n"
            "Write x and y on one line, separated by a space."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[int, int]:
        """An optimal point."""
        return best_point(parameters["X"], parameters["Y"], parameters["T"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        point = parse_int_list(answer)
        if len(point) != 2:
            raise AnswerFormatError("expected two integers x y")
        cost = chebyshev_cost(point[0], point[1], parameters["X"], parameters["Y"], parameters["T"])
        return rewards.optimality(cost, parameters["optimum"], 5.0, minimize=True)
