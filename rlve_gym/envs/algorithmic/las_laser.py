"""Lasers from the origin: at most K rays, no segment hit twice, as many segments hit as possible."""

from __future__ import annotations

import random
from functools import cmp_to_key
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped


def angular_intervals(segments: list[list[int]]) -> tuple[int, list[tuple[int, int]]]:
    """(number of distinct endpoint directions, each segment's [first, last] direction rank, 1-based).

    All coordinates are positive, so every direction lies in the open first quadrant and cross products order
    them exactly.
    """
    points = [(x, y) for x1, y1, x2, y2 in segments for x, y in ((x1, y1), (x2, y2))]

    def by_angle(i: int, j: int) -> int:
        cross = points[i][0] * points[j][1] - points[i][1] * points[j][0]
        return -1 if cross > 0 else (1 if cross < 0 else 0)

    order = sorted(range(len(points)), key=cmp_to_key(by_angle))
    rank, current = [0] * len(points), 0
    for position, index in enumerate(order):
        if position == 0 or by_angle(order[position - 1], index) != 0:
            current += 1
        rank[index] = current
    intervals = [(min(rank[2 * s], rank[2 * s + 1]), max(rank[2 * s], rank[2 * s + 1])) for s in range(len(segments))]
    return current, intervals


def best_hits(directions: int, intervals: list[tuple[int, int]], max_rays: int) -> list[int]:
    """best[k] for k = 0..max_rays: most segments hit by k rays with no segment hit twice.

    Rays can sit on endpoint directions. A ray at p hits cover[p] segments; an earlier ray q is compatible iff no
    segment spans both, i.e. q < first[p] = min(p, least start among segments ending at or after p).
    """
    cover = [0] * (directions + 2)
    first = list(range(directions + 2))
    for start, end in intervals:
        for p in range(start, end + 1):
            cover[p] += 1
        first[end] = min(first[end], start)
    for p in range(directions - 1, 0, -1):
        first[p] = min(first[p], first[p + 1])
    previous = [0] * (directions + 1)  # best with k - 1 rays at directions ≤ p
    best = [0]
    for _ in range(max_rays):
        current = [0] * (directions + 1)
        for p in range(1, directions + 1):
            current[p] = max(current[p - 1], previous[first[p] - 1] + cover[p])
        previous = current
        best.append(current[directions])
    return best


class LASLaser(Task):
    """N segments lie in the first quadrant; shoot at most K rays from the origin so that no segment is hit by two
    rays, hitting as many segments as possible. How many can be hit?

    Segments become intervals of endpoint directions (sorted exactly by cross products); a DP over the rightmost ray
    gives the optimum for every K. K is drawn uniformly among the ray counts at which the optimum increases.
    Difficulty: N segments, N ← N + 1 from 2; endpoint coordinates uniform in [1, 2N].
    Reward: -1 unparsable; 1 for the right number, else 0.
    Answer: one integer, the largest number of segments hit.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        segments = [[rng.randint(1, 2 * n) for _ in range(4)] for _ in range(n)]
        directions, intervals = angular_intervals(segments)
        best = best_hits(directions, intervals, n)
        rising = [k for k in range(1, n + 1) if best[k] > best[k - 1]]
        rays = rng.choice(rising)
        return Instance({"N": n, "segments": segments, "K": rays}, str(best[rays]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        listed = "\n".join(f"({x1}, {y1})-({x2}, {y2})" for x1, y1, x2, y2 in parameters["segments"])
        return (
            f"There are {parameters['N']} line segments in the plane, each given by its two endpoints:\n{listed}\n"
            f"You may shoot at most {parameters['K']} rays from the origin (0, 0), in any directions. A ray hits a "
            "segment if they share at least one point, and no segment may be hit by more than one ray.\n"
            "What is the largest possible number of segments hit (counting all rays together)?\n"
            "Your answer should be a single integer."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        directions, intervals = angular_intervals(parameters["segments"])
        expected = best_hits(directions, intervals, parameters["K"])[-1]
        return rewards.correct() if parse_int(answer) == expected else rewards.wrong()
