"""MaximumPointSegmentMatching: the greedy against augmenting-path matching and exhaustive search."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.maximum_point_segment_matching import MaximumPointSegmentMatching, greedy_matching

TASK = MaximumPointSegmentMatching()


def augmenting_paths(points: list[int], segments: list[list[int]]) -> int:
    owner: dict[int, int] = {}

    def augment(c: int, seen: set[int]) -> bool:
        for s, (left, right) in enumerate(segments):
            if left <= points[c] <= right and s not in seen:
                seen.add(s)
                if s not in owner or augment(owner[s], seen):
                    owner[s] = c
                    return True
        return False

    return sum(augment(c, set()) for c in range(len(points)))


def exhaustive(points: list[int], segments: list[list[int]]) -> int:
    """Try every injective assignment of points to segments or to nothing."""
    best = 0
    options = [None, *range(len(segments))]
    for assignment in itertools.product(options, repeat=len(points)):
        chosen = [s for s in assignment if s is not None]
        if len(set(chosen)) == len(chosen) and all(
            s is None or segments[s][0] <= points[c] <= segments[s][1] for c, s in enumerate(assignment)
        ):
            best = max(best, len(chosen))
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 8])
def test_generated_instances_against_augmenting_paths(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert TASK.score(p, problem.reference_answer).accuracy == 1
        assert len(problem.reference_answer.split("\n")) == augmenting_paths(p["points"], p["segments"]) >= 1


def test_random_small_instances_exhaustively() -> None:
    rng = random.Random(4)
    for _ in range(100):
        points = [rng.randint(0, 6) for _ in range(rng.randint(1, 4))]
        segments = []
        for _ in range(rng.randint(1, 4)):
            left = rng.randint(0, 6)
            segments.append([left, rng.randint(left, 6)])
        assert len(greedy_matching(points, segments)) == exhaustive(points, segments)


def test_hand_example_and_invalid_answers() -> None:
    p = {"points": [1, 2, 5], "segments": [[0, 2], [1, 1], [4, 9]]}
    assert len(TASK.solve(p)) == 3
    assert TASK.score(p, "0 1\n1 0\n2 2").reward == 1.0
    assert TASK.score(p, "1 0").reward == pytest.approx((1 / 3) ** 5)
    assert TASK.score(p, "").reward == 0.0
    for bad in ("0 2", "0 0\n1 0", "0 1\n0 0", "3 0", "0 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "0 1 2")
