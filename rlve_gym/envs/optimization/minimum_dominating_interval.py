"""Choose K covered points on a line paying for every interval that contains a chosen point."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_K_DENSITIES = (0.1, 0.2, 0.3, 0.5, 0.7, 0.9)
_COST_RANGE = 10


def cheapest_points(n: int, intervals: list[list[int]], k: int) -> tuple[int, list[int]]:
    """(least cost, chosen points) for K distinct covered points among 1..n, where the cost is the total cost of the
    intervals [l, r, c] containing at least one chosen point.

    With the points in increasing order, an interval is paid at its first chosen point: the one it contains whose
    predecessor in the choice lies left of the interval. So choosing point i right after point p adds the cost of
    the intervals with p < l ≤ i ≤ r, and a DP over (count, last point) is exact.
    """
    covered = [any(l <= point <= r for l, r, _ in intervals) for point in range(n + 1)]
    # added[p][i]: cost of intervals with p < l <= i <= r (p = 0 means no earlier point)
    added = [[0] * (n + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        by_left = [0] * (n + 2)
        for l, r, cost in intervals:
            if l <= i <= r:
                by_left[l] += cost
        running = 0
        for p in range(i - 1, -1, -1):
            running += by_left[p + 1]
            added[p][i] = running
    infinity = float("inf")
    best = [[infinity] * (n + 1) for _ in range(k + 1)]
    previous = [[0] * (n + 1) for _ in range(k + 1)]
    for i in range(1, n + 1):
        if covered[i]:
            best[1][i] = added[0][i]
    for count in range(2, k + 1):
        for i in range(1, n + 1):
            if not covered[i]:
                continue
            for p in range(1, i):
                cost = best[count - 1][p] + added[p][i]
                if cost < best[count][i]:
                    best[count][i], previous[count][i] = cost, p
    last = min(range(1, n + 1), key=lambda i: best[k][i])
    points = [last]
    for count in range(k, 1, -1):
        points.append(previous[count][points[-1]])
    return int(best[k][last]), points[::-1]


class Minimum_DominatingInterval(Task):
    """Pick K distinct points, each inside some interval, minimising the total cost of intervals that contain at
    least one picked point.

    M = min(N(N+1)/2, 2N) distinct intervals [L, R] within 1..N are drawn with costs uniform in [1, 10]; K is
    max(1, int(density · number of covered points)) with the density drawn from {0.1, 0.2, 0.3, 0.5, 0.7, 0.9}.
    Difficulty: N points, N growing as N ← int(1.1·N + 1) from 3.
    Reward: -1 unparsable; -0.5 for a wrong count, repeated points or a point no interval covers; else
    (least cost / cost)^5.
    Answer: the K chosen points on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        n = grown(3, difficulty)
        return {"N": n, "M": min(n * (n + 1) // 2, 2 * n)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        n = size["N"]
        spans = rng.sample([(l, r) for l in range(1, n + 1) for r in range(l, n + 1)], size["M"])
        intervals = [[l, r, rng.randint(1, _COST_RANGE)] for l, r in spans]
        covered = {point for l, r, _ in intervals for point in range(l, r + 1)}
        k = max(1, int(rng.choice(_K_DENSITIES) * len(covered)))
        _, points = cheapest_points(n, intervals, k)
        return Instance({"N": n, "K": k, "intervals": intervals}, " ".join(map(str, points)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k, intervals = parameters["N"], parameters["K"], parameters["intervals"]
        listing = "\n".join(f"L[{i}]={l}, R[{i}]={r}, C[{i}]={c}" for i, (l, r, c) in enumerate(intervals))
        return (
            f"There are {n} points on a line, numbered 1 to {n}, and {len(intervals)} intervals [L[i], R[i]], each "
            f"with a cost C[i]:\n{listing}\n"
            f"Choose {k} distinct points, each lying in at least one of the intervals. The cost of the choice is the "
            "sum of C[i] over all intervals that contain at least one chosen point. Make the cost as small as "
            "possible.\n"
            f"Write the {k} chosen points on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        points = parse_int_list(answer)
        k, intervals = parameters["K"], parameters["intervals"]
        if len(points) != k or len(set(points)) != k:
            return rewards.invalid(f"expected {k} distinct points")
        if not all(any(l <= point <= r for l, r, _ in intervals) for point in points):
            return rewards.invalid("a chosen point lies in no interval")
        cost = sum(c for l, r, c in intervals if any(l <= point <= r for point in points))
        best, _ = cheapest_points(parameters["N"], intervals, k)
        return rewards.optimality(cost, best, 5.0, minimize=True)
