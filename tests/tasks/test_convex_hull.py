"""ConvexHull: the monotone-chain reference against a brute force over directed hull edges."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic import convex_hull
from rlve_gym.envs.algorithmic.convex_hull import ConvexHull

TASK = ConvexHull()


def _cross(o, a, b) -> int:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def brute_doubled_area(points: list[list[int]]) -> int:
    """Sum of cross(a, b) over directed pairs with every other point strictly to the left: the hull's edges."""
    total = 0
    for a, b in itertools.permutations(points, 2):
        if all(_cross(a, b, c) > 0 for c in points if c is not a and c is not b):
            total += a[0] * b[1] - b[0] * a[1]
    return total


def _no_three_collinear(points: list[list[int]]) -> bool:
    return all(_cross(a, b, c) != 0 for a, b, c in itertools.combinations(points, 3))


@pytest.mark.parametrize("difficulty", [0, 1, 2])
@pytest.mark.parametrize("seed", range(6))
def test_reference_matches_brute_force(difficulty: int, seed: int) -> None:
    problem = TASK.generate(seed, difficulty)
    points = problem.parameters["points"]
    n = TASK.ladder(difficulty)["points"]
    assert len(points) == n and len({tuple(p) for p in points}) == n
    assert all(0 <= x <= n and 0 <= y <= n for x, y in points)
    assert _no_three_collinear(points)
    assert int(problem.reference_answer) == brute_doubled_area(points)


def test_fallback_construction_is_in_general_position(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convex_hull, "_ATTEMPTS_PER_POINT", 0)
    points = ConvexHull._points_in_general_position(random.Random(3), 12)
    assert len({tuple(p) for p in points}) == 12 and _no_three_collinear(points)
    assert TASK.solve({"points": points}) == brute_doubled_area(points)


def test_hand_example_and_shaping() -> None:
    parameters = {"points": [[0, 0], [4, 0], [4, 4], [0, 4], [1, 2]]}
    assert TASK.solve(parameters) == 32
    assert TASK.score(parameters, "32").reward == 1.0
    assert TASK.score(parameters, "16").reward == pytest.approx(0.5**5)
    for non_positive in ("0", "-32"):
        with pytest.raises(AnswerFormatError):
            TASK.score(parameters, non_positive)
