"""Integer points (x, y) in a box on the line A·x + B·y + C = 0."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled

_BETA = 10.0
_UNPLANTED_PROBABILITY = 0.05


def _steps_within(start: int, step: int, low: int, high: int) -> tuple[int, int]:
    """The integers t with low ≤ start + step·t ≤ high, as an inclusive range (empty when first > last)."""
    if step == 0:
        return (-(10**100), 10**100) if low <= start <= high else (1, 0)
    if step < 0:
        start, step, low, high = -start, -step, -high, -low
    return -((start - low) // step), (high - start) // step


def count_line_points(a: int, b: int, c: int, x_range: tuple[int, int], y_range: tuple[int, int]) -> int:
    """Solutions of a·x + b·y + c = 0 with x and y in the given inclusive ranges."""
    (x_low, x_high), (y_low, y_high) = x_range, y_range
    width, height = x_high - x_low + 1, y_high - y_low + 1
    if a == 0 and b == 0:
        return width * height if c == 0 else 0
    if b == 0:
        return height if (-c) % a == 0 and x_low <= -c // a <= x_high else 0
    if a == 0:
        return width if (-c) % b == 0 and y_low <= -c // b <= y_high else 0
    g = math.gcd(a, b)
    if c % g:
        return 0
    # x ≡ x0 (mod |b|/g) solves a·x ≡ −c (mod b); along that class y changes by −(a/g)·sign(b) per step
    period = abs(b) // g
    x0 = (-c // g) * pow(a // g, -1, period) % period if period > 1 else 0
    y0 = -(a * x0 + c) // b
    x_steps = _steps_within(x0, period, x_low, x_high)
    y_steps = _steps_within(y0, -(a // g) * (1 if b > 0 else -1), y_low, y_high)
    first, last = max(x_steps[0], y_steps[0]), min(x_steps[1], y_steps[1])
    return max(0, last - first + 1)


class BinaryLinearEquation_SolutionCounting(Task):
    """Count the integer pairs (x, y) with A·x + B·y + C = 0, X1 ≤ x ≤ X2 and Y1 ≤ y ≤ Y2.

    Difficulty: R doubles from 8; A and B uniform in [−R, R]. Usually a solution (x, y) in [−R, R]² is planted
    (C = −(A·x + B·y), and the box is drawn around it); with probability 0.05 the box is drawn freely inside
    [−R, R]² and C uniformly from [−2R², 2R²].
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count (1 for 0 when
    the count is 0).
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_range": doubled(8, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        bound = self.ladder(difficulty)["max_range"]
        a, b = rng.randint(-bound, bound), rng.randint(-bound, bound)
        if rng.random() < _UNPLANTED_PROBABILITY:
            x_low = rng.randint(-bound, bound)
            x_high = rng.randint(x_low, bound)
            y_low = rng.randint(-bound, bound)
            y_high = rng.randint(y_low, bound)
            c = rng.randint(-2 * bound**2, 2 * bound**2)
        else:
            x, y = rng.randint(-bound, bound), rng.randint(-bound, bound)
            c = -(a * x + b * y)
            x_low, x_high = rng.randint(-bound, x), rng.randint(x, bound)
            y_low, y_high = rng.randint(-bound, y), rng.randint(y, bound)
        parameters = {"A": a, "B": b, "C": c, "X1": x_low, "X2": x_high, "Y1": y_low, "Y2": y_high}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        p = parameters
        return (
            f"How many pairs of integers (x, y) satisfy ({p['A']}) · x + ({p['B']}) · y + ({p['C']}) = 0 with "
            f"{p['X1']} ≤ x ≤ {p['X2']} and {p['Y1']} ≤ y ≤ {p['Y2']}?\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Closed form over one residue class of x (see `count_line_points`)."""
        p = parameters
        return count_line_points(p["A"], p["B"], p["C"], (p["X1"], p["X2"]), (p["Y1"], p["Y2"]))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
