"""Level an array to zero with range additions of ±A or ±B, using as few operations as possible (POI 2011)."""

from __future__ import annotations

import heapq
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.numbers import extended_gcd

_STEP_RANGE_MULTIPLE = 2


def fewest_leveling_operations(heights: list[int], step_a: int, step_b: int) -> int:
    """Minimum number of (subarray, ±A or ±B) operations that turn `heights` into zeros.

    In the difference array D (length N+1, with D[0] = H[0] and D[N] = -H[N-1]) an operation adds +s at one
    position and -s at a later one, so we need integers x_i, y_i with A·x_i + B·y_i = D[i] and Σx = Σy = 0; each
    operation supplies two of the Σ(|x_i| + |y_i|) units. Writing x_i = x_i⁰ + t_i·B/g, the cost of each position
    is convex in t_i: start every t_i at its own minimiser, then move the total to the required value one unit at
    a time along the cheapest marginal cost (exact for separable convex costs).
    """
    gcd, bezout_a, bezout_b = extended_gcd(step_a, step_b)
    shift_x, shift_y = step_b // gcd, step_a // gcd
    differences = [heights[0]] + [heights[i] - heights[i - 1] for i in range(1, len(heights))] + [-heights[-1]]
    bases = []
    for value in differences:
        if value % gcd:
            raise ValueError("heights must be integer combinations of A and B")
        bases.append((bezout_a * (value // gcd), bezout_b * (value // gcd)))

    def cost(index: int, t: int) -> int:
        x, y = bases[index]
        return abs(x + t * shift_x) + abs(y - t * shift_y)

    shifts = []
    for index, (x, y) in enumerate(bases):
        # the minimum of a convex piecewise-linear function sits next to one of its two breakpoints
        candidates = {-x // shift_x, -(x // shift_x), y // shift_y, -(-y // shift_y)}
        shifts.append(min(sorted(candidates), key=lambda t, index=index: cost(index, t)))
    # Σ x_i = Σ x_i⁰ + shift_x·Σ t_i must vanish
    required_total = -sum(x for x, _ in bases) // shift_x
    direction = 1 if required_total > sum(shifts) else -1
    heap = [(cost(i, t + direction) - cost(i, t), i) for i, t in enumerate(shifts)]
    heapq.heapify(heap)
    for _ in range(abs(required_total - sum(shifts))):
        _, i = heapq.heappop(heap)
        shifts[i] += direction
        heapq.heappush(heap, (cost(i, shifts[i] + direction) - cost(i, shifts[i]), i))
    return sum(cost(i, t) for i, t in enumerate(shifts)) // 2


class WYRLevelingGround(Task):
    """Give the fewest subarray operations (add or subtract A or B on every element) that make an array all zero.

    A ≠ B are uniform in [1, 2N]; each H[i] = a·A + b·B with |a|, |b| uniform in [0, 2N] and signs negative with
    probabilities drawn per instance, so the array can always be levelled.
    Difficulty: N grows as N ← int(1.1·N + 1) from 2.
    Reward: 1 for the right minimum, 0 for any other integer, -1 unparsable.
    Answer: one integer, the minimum number of operations.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"length": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["length"]
        limit = _STEP_RANGE_MULTIPLE * n
        step_a = rng.randint(1, limit)
        step_b = rng.randint(1, limit - 1)
        step_b += step_b >= step_a  # uniform over [1, limit] without step_a
        negative_a, negative_b = rng.random(), rng.random()
        heights = []
        for _ in range(n):
            a = rng.randint(0, limit) * (-1 if rng.random() < negative_a else 1)
            b = rng.randint(0, limit) * (-1 if rng.random() < negative_b else 1)
            heights.append(a * step_a + b * step_b)
        parameters = {"H": heights, "A": step_a, "B": step_b}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        heights, step_a, step_b = parameters["H"], parameters["A"], parameters["B"]
        listing = " ".join(f"H[{i}]={h}" for i, h in enumerate(heights))
        return (
            f"An array H has {len(heights)} integers: {listing}\n"
            "One operation picks a non-empty contiguous subarray of H and applies the same change to every element "
            f"in it: add {step_a}, subtract {step_a}, add {step_b}, or subtract {step_b}.\n"
            "What is the smallest number of operations that makes every element of H equal to 0?\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The minimum number of operations."""
        return fewest_leveling_operations(parameters["H"], parameters["A"], parameters["B"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == self.solve(parameters) else rewards.wrong()
