"""SmallestCircle: the incremental algorithm against trying every circle through two or three points."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization import smallest_circle
from rlve_gym.envs.optimization.smallest_circle import (
    SmallestCircle,
    _circle_three,
    _circle_two,
    random_points_in_general_position,
    smallest_enclosing_circle,
)

TASK = SmallestCircle()


def brute_force(points: list[list[int]]):
    """The smallest of all circles on two or three of the points that contain every point (exact)."""
    pts = [tuple(p) for p in points]
    candidates = [_circle_two(p, p) for p in pts] + [_circle_two(p, q) for p, q in itertools.combinations(pts, 2)]
    candidates += [_circle_three(p, q, r) for p, q, r in itertools.combinations(pts, 3)]
    enclosing = [c for c in candidates if all((x - c[0]) ** 2 + (y - c[1]) ** 2 <= c[2] for x, y in pts)]
    return min(enclosing, key=lambda c: c[2])


def assert_general_position(points: list[list[int]], side: int) -> None:
    assert len({tuple(p) for p in points}) == len(points)
    assert all(0 <= c <= side for p in points for c in p)
    for p, q, r in itertools.combinations(points, 3):
        assert (q[0] - p[0]) * (r[1] - p[1]) != (q[1] - p[1]) * (r[0] - p[0])


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_circle_matches_brute_force(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        points = problem.parameters["points"]
        assert_general_position(points, 2 * len(points))
        assert smallest_enclosing_circle(points) == brute_force(points)
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_random_point_sets_and_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(4)
    for _ in range(60):
        points = [[rng.randint(0, 6), rng.randint(0, 6)] for _ in range(rng.randint(1, 7))]
        assert smallest_enclosing_circle(points) == brute_force(points)
    monkeypatch.setattr(smallest_circle, "_TRIES_PER_POINT", 0)
    points = random_points_in_general_position(rng, 12, 24)
    assert_general_position(points, 24)
    assert len(points) == 12


def test_scoring_branches() -> None:
    p = {"points": [[0, 0], [2, 0], [0, 2], [2, 2]]}  # centre (1, 1), radius √2
    root2 = math.sqrt(2)
    assert TASK.score(p, f"1 1 {root2:.6f}").reward == 1.0
    assert TASK.score(p, f"1 1 {root2 + 0.0009}").reward == 1.0
    assert TASK.score(p, "1.0005 1 1.4146").reward == 1.0  # a point 0.0005 outside, within the tolerance
    assert TASK.score(p, "1 1 2").reward == pytest.approx((root2 / 2) ** 10)
    assert TASK.score(p, "1 1 2").accuracy == 0
    assert TASK.score(p, "1 1 1.4").reward == 0.0  # leaves the corners out
    assert TASK.score(p, "1, 1, 1.5").reward == pytest.approx((root2 / 1.5) ** 10)
    for bad in ("1 1", "1 1 0", "1 1 -2", "a b c"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
