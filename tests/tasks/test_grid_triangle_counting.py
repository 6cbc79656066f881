"""GridTriangleCounting: the totient formula against enumerating triples and against a gcd double sum."""

from __future__ import annotations

import itertools
from math import comb, gcd

import pytest

from rlve_gym.envs.counting.grid_triangle_counting import GridTriangleCounting, count_grid_triangles

TASK = GridTriangleCounting()


def enumerate_triangles(n: int, m: int) -> int:
    points = [(x, y) for x in range(n + 1) for y in range(m + 1)]
    return sum(
        (b[0] - a[0]) * (c[1] - a[1]) != (b[1] - a[1]) * (c[0] - a[0]) for a, b, c in itertools.combinations(points, 3)
    )


def gcd_double_sum(n: int, m: int) -> int:
    """All triples minus collinear ones, counting middle points of every endpoint pair directly."""
    collinear = 0
    for dx in range(n + 1):
        for dy in range(m + 1):
            if dx or dy:
                directions = 2 if dx and dy else 1
                collinear += directions * (n + 1 - dx) * (m + 1 - dy) * (gcd(dx, dy) - 1)
    return comb((n + 1) * (m + 1), 3) - collinear


@pytest.mark.parametrize("difficulty", [0, 1])
def test_generated_instances_match_triple_enumeration(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(enumerate_triangles(p["N"], p["M"]))


def test_small_grids_match_triple_enumeration() -> None:
    for n in range(1, 5):
        for m in range(1, 5):
            assert count_grid_triangles(n, m) == enumerate_triangles(n, m), (n, m)


@pytest.mark.parametrize("difficulty", [2, 4, 6])
def test_generated_instances_match_gcd_sum(difficulty: int) -> None:
    for seed in range(6):
        p = TASK.generate(seed, difficulty).parameters
        assert TASK.solve(p) == gcd_double_sum(p["N"], p["M"])


def test_hyperbola_branch_matches_gcd_sum() -> None:
    for n, m in [(60, 45), (97, 130), (150, 150), (3, 200)]:
        assert count_grid_triangles(n, m, sieve_limit=2) == gcd_double_sum(n, m)


def test_hand_examples() -> None:
    assert count_grid_triangles(1, 1) == 4  # any 3 corners of a unit square
    # 3 × 2 points: C(6, 3) = 20 triples, 2 collinear rows → 18
    assert count_grid_triangles(2, 1) == 18
    assert TASK.score({"N": 1, "M": 1}, "4").reward == 1.0
    assert TASK.score({"N": 1, "M": 1}, "-4").reward == -1.0
