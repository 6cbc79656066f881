"""SumTriangleArea: the angular-sort reference against summing |cross| over every triple."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.sum_triangle_area import SumTriangleArea

TASK = SumTriangleArea()


def twice_area_by_triples(points: list[list[int]]) -> int:
    return sum(
        abs((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]))
        for a, b, c in itertools.combinations(points, 3)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6])
def test_generated_instances_match_triples(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(twice_area_by_triples(problem.parameters["points"]))


def test_random_point_sets_with_collinear_runs() -> None:
    rng = random.Random(8)
    for _ in range(100):
        side = rng.randint(1, 4)
        cells = rng.sample([[x, y] for x in range(side + 1) for y in range(side + 1)], rng.randint(1, (side + 1) ** 2))
        assert TASK.solve({"points": cells}) == twice_area_by_triples(cells)


def test_hand_example_and_rewards() -> None:
    # unit square corners: four right triangles of area 1/2 → twice the sum is 4
    p = {"points": [[0, 0], [1, 0], [0, 1], [1, 1]]}
    assert TASK.solve(p) == 4
    assert TASK.score(p, "4").reward == 1.0
    assert TASK.score(p, "2").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "0").reward == 0.0
    assert TASK.score(p, "-4").reward == rewards.WRONG_FORMAT
    line = {"points": [[0, 0], [1, 1], [2, 2], [3, 3]]}
    assert TASK.score(line, "0").reward == 1.0
