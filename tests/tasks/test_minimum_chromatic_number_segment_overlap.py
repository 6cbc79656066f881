"""MinimumChromaticNumber_SegmentOverlap: the greedy sweep against exhaustive colourings and the deepest overlap."""

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.minimum_chromatic_number_segment_overlap import (
    MinimumChromaticNumber_SegmentOverlap,
    colour_segments,
)

TASK = MinimumChromaticNumber_SegmentOverlap()


def overlap(a: list[int], b: list[int]) -> bool:
    return max(a[0], b[0]) <= min(a[1], b[1])


def chromatic_number(segments: list[list[int]]) -> int:
    """Fewest colours over every restricted-growth labelling (each new colour is the next integer)."""
    n, best = len(segments), len(segments)
    labels = [0] * n

    def extend(i: int, used: int) -> None:
        nonlocal best
        if used >= best:
            return
        if i == n:
            best = used
            return
        for colour in range(used + 1):
            if all(labels[j] != colour or not overlap(segments[i], segments[j]) for j in range(i)):
                labels[i] = colour
                extend(i + 1, max(used, colour + 1))

    extend(0, 0)
    return best


def deepest_point(segments: list[list[int]]) -> int:
    points = {x for segment in segments for x in segment}
    return max(sum(left <= x <= right for left, right in segments) for x in points)


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2, 3, 4):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["optimum"] == chromatic_number(p["segments"]) == deepest_point(p["segments"])
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_segments() -> None:
    rng = random.Random(8)
    for _ in range(150):
        segments = []
        for _ in range(rng.randint(1, 8)):
            left = rng.randint(1, 10)
            segments.append([left, left + rng.randint(0, 4)])
        colours = colour_segments(segments)
        assert all(
            colours[i] != colours[j] or not overlap(segments[i], segments[j])
            for i in range(len(segments))
            for j in range(i)
        )
        assert len(set(colours)) == chromatic_number(segments)


def test_hand_example_and_rewards() -> None:
    p = {"segments": [[1, 2], [2, 3], [4, 5]], "optimum": 2}  # [1, 2] and [2, 3] share the point 2
    assert TASK.score(p, "0 1 0").reward == 1.0
    assert TASK.score(p, "0 1 2").reward == pytest.approx((2 / 3) ** 5)
    for bad in ("0 0 1", "0 1", "0 -1 0"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
