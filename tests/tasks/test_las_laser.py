"""LASLaser: the interval DP against trying every set of ray directions (geometric brute force)."""

from __future__ import annotations

import itertools
import random
from functools import cmp_to_key

from rlve_gym.envs.algorithmic.las_laser import LASLaser, angular_intervals, best_hits

TASK = LASLaser()


def cross(a: tuple[int, int], b: tuple[int, int]) -> int:
    return a[0] * b[1] - a[1] * b[0]


def hits(direction: tuple[int, int], segment: list[int]) -> bool:
    """A ray from the origin along `direction` meets the segment (all points in the open first quadrant)."""
    p, q = (segment[0], segment[1]), (segment[2], segment[3])
    return cross(p, direction) * cross(q, direction) <= 0


def most_hits_geometrically(segments: list[list[int]], max_rays: int) -> int:
    """Candidate directions: every endpoint direction and one direction strictly between each consecutive pair."""
    points = sorted(
        {(x, y) for s in segments for x, y in ((s[0], s[1]), (s[2], s[3]))},
        key=cmp_to_key(lambda a, b: -cross(a, b)),
    )
    candidates = list(points) + [(a[0] + b[0], a[1] + b[1]) for a, b in itertools.pairwise(points)]
    best = 0
    for count in range(1, max_rays + 1):
        for rays in itertools.combinations(candidates, count):
            times = [sum(hits(ray, segment) for ray in rays) for segment in segments]
            if max(times) <= 1:
                best = max(best, sum(times))
    return best


def test_reference_matches_geometric_brute_force() -> None:
    for difficulty in (0, 1, 2):
        for seed in range(5):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert int(problem.reference_answer) == most_hits_geometrically(p["segments"], p["K"])


def test_dp_on_random_segments_for_every_ray_count() -> None:
    rng = random.Random(8)
    for _ in range(25):
        n = rng.randint(1, 4)
        segments = [[rng.randint(1, 6) for _ in range(4)] for _ in range(n)]
        directions, intervals = angular_intervals(segments)
        best = best_hits(directions, intervals, 3)
        for rays in (1, 2, 3):
            assert best[rays] == most_hits_geometrically(segments, rays), (segments, rays)


def test_hand_example_and_rewards() -> None:
    # two segments crossing the diagonal and one on the x = y line near (5, 5): one ray along y = x hits all three
    segments = [[1, 3, 3, 1], [2, 4, 4, 2], [5, 5, 6, 6]]
    assert most_hits_geometrically(segments, 1) == 3
    parameters = {"N": 3, "segments": segments, "K": 1}
    assert TASK.score(parameters, "3").reward == 1.0
    assert TASK.score(parameters, "2").reward == 0.0
