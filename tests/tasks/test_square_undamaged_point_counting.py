"""SquareUndamagedPointCounting: the formula-plus-removal count against listing squares from every point pair."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.square_undamaged_point_counting import (
    SquareUndamagedPointCounting,
    count_undamaged_squares,
)

TASK = SquareUndamagedPointCounting()


def brute_force(n: int, m: int, damaged: list[list[int]]) -> int:
    """Complete every ordered pair of lattice points (p, q) to the square with side pq turning left; dedupe."""
    points = [(x, y) for x in range(n + 1) for y in range(m + 1)]
    bad = {tuple(p) for p in damaged}
    squares = set()
    for (px, py), (qx, qy) in itertools.permutations(points, 2):
        dx, dy = qx - px, qy - py
        corners = frozenset({(px, py), (qx, qy), (qx - dy, qy + dx), (px - dy, py + dx)})
        if all(0 <= x <= n and 0 <= y <= m and (x, y) not in bad for x, y in corners):
            squares.add(corners)
    return len(squares)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_matches_listing(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["N"], p["M"], p["damaged"]))


def test_random_grids() -> None:
    rng = random.Random(9)
    for _ in range(60):
        n, m = rng.randint(1, 5), rng.randint(1, 5)
        lattice = [[x, y] for x in range(n + 1) for y in range(m + 1)]
        damaged = rng.sample(lattice, rng.randint(0, len(lattice)))
        assert count_undamaged_squares(n, m, damaged) == brute_force(n, m, damaged)


def test_hand_examples_and_scoring() -> None:
    # the 2 × 2 lattice square [0, 2]²: 4 unit squares, 1 of side 2, 1 tilted (midpoints) → 6
    assert TASK.solve({"N": 2, "M": 2, "damaged": []}) == 6
    # damaging the centre leaves only the big square and the tilted one
    assert TASK.solve({"N": 2, "M": 2, "damaged": [[1, 1]]}) == 2
    p = {"N": 2, "M": 2, "damaged": [[1, 1]]}
    assert TASK.score(p, "2").reward == 1.0
    assert TASK.score(p, "4").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "-2").reward == -1.0
