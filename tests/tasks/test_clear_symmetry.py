"""ClearSymmetry: the closed form against enumerating every symmetrical matrix up to side 8."""

from __future__ import annotations

import pytest

from rlve_gym.envs.math.clear_symmetry import ClearSymmetry

TASK = ClearSymmetry()


def reachable_sharpness(n: int) -> set[int]:
    """Ones-counts of clear symmetrical n×n matrices, built from every choice of the top-left quadrant."""
    half = (n + 1) // 2
    orbits = []
    for i in range(half):
        for j in range(half):
            cells = {(a, b) for a in (i, n - 1 - i) for b in (j, n - 1 - j)}
            orbits.append(sum(1 << (a * n + b) for a, b in cells))
    not_last_column = sum(1 << (a * n + b) for a in range(n) for b in range(n - 1))
    full = [0] * (1 << len(orbits))
    found = set()
    for mask in range(1, 1 << len(orbits)):
        low = (mask & -mask).bit_length() - 1
        matrix = full[mask] = full[mask & (mask - 1)] | orbits[low]
        if not (matrix & not_last_column) & (matrix >> 1) and not matrix & (matrix >> n):
            found.add(matrix.bit_count())
    return found


def test_closed_form_matches_enumeration() -> None:
    smallest: dict[int, int] = {}
    for n in range(1, 9):
        for x in reachable_sharpness(n):
            smallest.setdefault(x, n)
    # side 7 holds at most 25 ones, so every x ≤ 25 has met its smallest side by n = 8
    for x in range(1, 26):
        assert TASK.solve({"x": x}) == smallest[x], x


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_references(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(TASK.solve(problem.parameters))


def test_hand_examples_and_rewards() -> None:
    assert [TASK.solve({"x": x}) for x in (1, 2, 3, 4, 5, 6, 13, 14)] == [1, 3, 5, 3, 3, 5, 5, 7]
    assert TASK.solve({"x": 10**30}) % 2 == 1
    assert TASK.score({"x": 3}, "5").reward == 1.0
    assert TASK.score({"x": 3}, "3").reward == 0.0
