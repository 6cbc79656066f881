"""LargestRectangle_AmongPoints: diagonal grouping against testing every four points."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.largest_rectangle_among_points import (
    LargestRectangle_AmongPoints,
    largest_rectangle,
    rectangle_area,
)

TASK = LargestRectangle_AmongPoints()


def area_by_sides(corners: list[tuple[int, int]]) -> int:
    """Try every cyclic order: consecutive sides perpendicular and non-zero, the figure closed."""
    for a, b, c, d in itertools.permutations(corners):
        sides = [(b[0] - a[0], b[1] - a[1]), (c[0] - b[0], c[1] - b[1]), (d[0] - c[0], d[1] - c[1])]
        closes = (a[0] - b[0] + c[0] - d[0], a[1] - b[1] + c[1] - d[1]) == (0, 0)
        square_corners = all(u[0] * v[0] + u[1] * v[1] == 0 for u, v in itertools.pairwise(sides))
        if closes and square_corners and all(side != (0, 0) for side in sides):
            return abs(sides[0][0] * sides[1][1] - sides[0][1] * sides[1][0])
    return 0


def test_reference_matches_every_quadruple() -> None:
    for difficulty in (0, 1, 2, 3):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            points = [tuple(p) for p in problem.parameters["points"]]
            best = max(area_by_sides(list(quad)) for quad in itertools.combinations(points, 4))
            assert problem.parameters["best"] == best > 0
            assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_area_test_agrees_with_side_test_on_random_quadruples() -> None:
    rng = random.Random(5)
    for _ in range(400):
        corners = [(rng.randint(-3, 3), rng.randint(-3, 3)) for _ in range(4)]
        assert rectangle_area(corners) == area_by_sides(corners)
    points = [[rng.randint(-4, 4), rng.randint(-4, 4)] for _ in range(12)]
    best = max(area_by_sides([tuple(points[i]) for i in quad]) for quad in itertools.combinations(range(12), 4))
    assert largest_rectangle(points)[0] == best


def test_hand_example_and_invalid_answers() -> None:
    # a tilted square (area 5) and an axis-parallel 1 × 2 rectangle (area 2)
    points = [[0, 0], [2, 1], [1, 3], [-1, 2], [5, 5], [6, 5], [5, 7], [6, 7]]
    parameters = {"N": 8, "points": points, "best": 5}
    assert TASK.score(parameters, "3 0 2 1").reward == 1.0
    assert TASK.score(parameters, "4 7 5 6").reward == pytest.approx((2 / 5) ** 5)
    assert TASK.score(parameters, "0 1 2 4").reward == -0.5
    assert TASK.score(parameters, "0 1 2 2").reward == -0.5
    assert TASK.score(parameters, "0 1 2 8").reward == -0.5
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "0 1 2")
