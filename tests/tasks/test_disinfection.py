"""Disinfection: the plane-cover search against trying every set of planes and every set of boxes."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.optimization.disinfection import Disinfection, fewest_planes

TASK = Disinfection()


def fewest_planes_by_listing(sizes: list[int], ones: list[list[int]]) -> int:
    planes = [(axis, index) for axis in range(3) for index in range(sizes[axis])]
    for count in range(len(planes) + 1):
        for chosen in itertools.combinations(planes, count):
            if all(any(cell[axis] == index for axis, index in chosen) for cell in ones):
                return count
    raise AssertionError("unreachable")


def cheapest_boxes_by_listing(sizes: list[int], ones: list[list[int]], budget: int) -> int:
    """The least cost over all multisets of boxes up to `budget` boxes (tiny grids only)."""
    spans = [[(a, b) for a in range(s) for b in range(a + 1, s + 1)] for s in sizes]
    boxes = []
    for (x1, x2), (y1, y2), (z1, z2) in itertools.product(*spans):
        cells = {(x, y, z) for x in range(x1, x2) for y in range(y1, y2) for z in range(z1, z2)}
        boxes.append((min(x2 - x1, y2 - y1, z2 - z1), cells))
    targets = {tuple(cell) for cell in ones}
    best = None
    for count in range(1, budget + 1):
        for chosen in itertools.combinations(boxes, count):
            if targets <= set().union(*(cells for _, cells in chosen)):
                cost = sum(c for c, _ in chosen)
                best = cost if best is None else min(best, cost)
    assert best is not None
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["least_cost"] == fewest_planes_by_listing(p["sizes"], p["ones"])
        assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_random_grids_and_boxes() -> None:
    rng = random.Random(6)
    for _ in range(40):
        sizes = [rng.randint(1, 4) for _ in range(3)]
        cells = [list(c) for c in itertools.product(*(range(s) for s in sizes))]
        ones = rng.sample(cells, rng.randint(1, len(cells)))
        assert len(fewest_planes(sizes, ones)) == fewest_planes_by_listing(sizes, ones), (sizes, ones)
    # slabs are optimal among all boxes
    for _ in range(6):
        sizes = [2, 2, rng.randint(2, 3)]
        cells = [list(c) for c in itertools.product(*(range(s) for s in sizes))]
        ones = rng.sample(cells, rng.randint(1, len(cells)))
        least = len(fewest_planes(sizes, ones))
        assert cheapest_boxes_by_listing(sizes, ones, least) == least


def test_hand_made_answers() -> None:
    # ones on the diagonal of a 3×3×3 cube: three planes needed
    parameters = {"sizes": [3, 3, 3], "ones": [[0, 0, 0], [1, 1, 1], [2, 2, 2]], "least_cost": 3}
    assert TASK.solve(parameters) == 3
    assert TASK.score(parameters, "0 1 0 3 0 3\n1 2 0 3 0 3\n2 3 0 3 0 3").reward == 1.0
    assert TASK.score(parameters, "0 3 0 3 0 3").reward == 1.0  # one box of cost 3
    assert TASK.score(parameters, "0 1 0 1 0 1\n1 2 1 2 1 2\n2 3 2 3 2 3").reward == 1.0
    assert TASK.score(parameters, "0 2 0 2 0 2\n2 3 2 3 2 3").reward == 1.0  # costs 2 + 1
    assert TASK.score(parameters, "0 2 0 2 0 2\n1 3 1 3 1 3").reward == pytest.approx((3 / 4) ** 5)
    assert TASK.score(parameters, "0 1 0 1 0 1").reward == -0.2
    assert TASK.score(parameters, "").reward == -0.2
    assert TASK.score(parameters, "0 4 0 3 0 3").reward == -0.5
    assert TASK.score(parameters, "1 1 0 3 0 3").reward == -0.5
    assert TASK.verify(TASK.generate(0, 0), "<answer>0 1 0 1 0</answer>").reward == -1.0
