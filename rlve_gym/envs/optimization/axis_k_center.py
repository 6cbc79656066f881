"""K-median on a line: pick K of the points to minimise the total distance of all points to their nearest pick."""

from __future__ import annotations

import bisect
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_POSITION_MULTIPLE = 5


def total_distance(positions: list[int], chosen: list[int]) -> int:
    """Σ over all points of the distance to the nearest chosen point (`positions` sorted, `chosen` indices)."""
    centres = sorted(positions[i] for i in chosen)
    total = 0
    for x in positions:
        k = bisect.bisect_left(centres, x)
        nearest = min(abs(x - centres[j]) for j in (k - 1, k) if 0 <= j < len(centres))
        total += nearest
    return total


def best_centres(positions: list[int], k: int) -> list[int]:
    """Indices of k points minimising the total distance (sorted positions; DP over groups of consecutive points).

    In an optimal solution every point goes to its nearest centre, so the points form k consecutive groups, each
    served best by its median. best[j][i] is the least cost of the first i points in j groups.
    """
    n = len(positions)
    prefix = [0]
    for x in positions:
        prefix.append(prefix[-1] + x)

    def group_cost(first: int, last: int) -> int:
        median = (first + last) // 2
        below = positions[median] * (median - first) - (prefix[median] - prefix[first])
        above = (prefix[last + 1] - prefix[median + 1]) - positions[median] * (last - median)
        return below + above

    # Knuth's bound: the best start of the last group never decreases with one more group or one more point
    infinity = float("inf")
    best = [[infinity] * (n + 2) for _ in range(k + 1)]
    split = [[0] * (n + 2) for _ in range(k + 1)]
    best[0][0] = 0
    for groups in range(1, k + 1):
        split[groups][n + 1] = n
        for end in range(n, groups - 1, -1):
            low = max(split[groups - 1][end], groups - 1)
            high = min(split[groups][end + 1], end - 1)
            for start in range(low, high + 1):
                cost = best[groups - 1][start] + group_cost(start, end - 1)
                if cost < best[groups][end]:
                    best[groups][end] = cost
                    split[groups][end] = start
    centres, end = [], n
    for groups in range(k, 0, -1):
        start = split[groups][end]
        centres.append((start + end - 1) // 2)
        end = start
    return sorted(centres)


class Axis_KCenter(Task):
    """Choose K of N points on a line so that the sum over all points of the distance to the nearest chosen point
    is as small as possible.

    Difficulty: N grows as N ← int(1.1·N + 1) from 4; K uniform in [1, N − 1]; positions are N distinct values
    from [0, 5N], sorted.
    Reward: -1 unparsable; -0.5 for a wrong count of indices, a repeated index or one out of range; otherwise
    (optimal total / achieved total)^5.
    Answer: the K chosen point indices (0-based) on one line, separated by spaces, in any order.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        positions = sorted(rng.sample(range(n * _POSITION_MULTIPLE + 1), n))
        parameters: dict[str, Any] = {"X": positions, "K": rng.randint(1, n - 1)}
        chosen = self.solve(parameters)
        # the DP is quadratic in N, so the optimum is kept with the instance for the verifier
        parameters["optimal_total"] = total_distance(positions, chosen)
        return Instance(parameters, " ".join(map(str, chosen)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        positions, k = parameters["X"], parameters["K"]
        n = len(positions)
        return (
            f"There are {n} points on a line, numbered 0 to {n - 1}; their positions, in order, are: "
            f"{' '.join(map(str, positions))}\n"
            f"Choose {k} distinct points so that the total, over all {n} points, of the distance to the nearest "
            "chosen point is as small as possible (the distance between two points is the absolute difference of "
            "their positions).\n"
            f"Write the numbers of the {k} chosen points on one line, separated by spaces, in any order."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Indices of an optimal choice of K points."""
        return best_centres(parameters["X"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer)
        positions, k = parameters["X"], parameters["K"]
        if len(chosen) != k:
            return rewards.invalid(f"expected {k} indices, got {len(chosen)}")
        if len(set(chosen)) != k or any(not 0 <= i < len(positions) for i in chosen):
            return rewards.invalid("indices must be distinct and in range")
        achieved = total_distance(positions, chosen)
        return rewards.optimality(achieved, parameters["optimal_total"], _BETA, minimize=True)
