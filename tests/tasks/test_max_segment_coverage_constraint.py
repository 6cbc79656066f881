"""MaxSegmentCoverageConstraint: the sweep against every subset of segments."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.max_segment_coverage_constraint import MaxSegmentCoverageConstraint

TASK = MaxSegmentCoverageConstraint()


def brute_force(segments: list[list[int]], constraints: list[list[int]]) -> int:
    for size in range(len(segments), -1, -1):
        for subset in itertools.combinations(segments, size):
            if all(sum(l <= p <= r for l, r in subset) <= x for p, x in constraints):
                return size
    return 0


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_against_every_subset(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        chosen = list(map(int, problem.reference_answer.split()))
        assert len(chosen) == brute_force(p["segments"], p["constraints"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_instances() -> None:
    rng = random.Random(6)
    for _ in range(150):
        segments = []
        for _ in range(rng.randint(1, 8)):
            left = rng.randint(0, 8)
            segments.append([left, rng.randint(left, 8)])
        constraints = [[p, rng.randint(0, 3)] for p in rng.sample(range(9), rng.randint(1, 5))]
        p = {"segments": segments, "constraints": constraints}
        chosen = TASK.solve(p)
        assert TASK.score(p, " ".join(map(str, chosen))).accuracy == 1
        assert len(chosen) == brute_force(segments, constraints)


def test_hand_example_and_invalid_answers() -> None:
    # point 2 allows one of the three segments through it; [0, 1] is free
    p = {"segments": [[0, 2], [2, 5], [0, 1], [2, 3]], "constraints": [[2, 1]]}
    assert len(TASK.solve(p)) == 2
    assert TASK.score(p, "2 0").reward == 1.0
    assert TASK.score(p, "2").reward == pytest.approx((1 / 2) ** 5)
    assert TASK.score(p, "").reward == 0.0
    for bad in ("0 1", "2 2", "4", "-1"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
