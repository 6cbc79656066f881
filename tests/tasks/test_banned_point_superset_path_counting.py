"""BannedPointSupersetPathCounting: inclusion–exclusion against a direct DP over every lattice point."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.counting.banned_point_superset_path_counting import BannedPointSupersetPathCounting

TASK = BannedPointSupersetPathCounting()


def submasks(value: int) -> list[int]:
    return [x for x in range(value + 1) if x & value == x]


def brute_force(target: list[int], banned: list[list[int]]) -> int:
    """Walks counted point by point: ways(p) = Σ ways(q) over q differing from p in one coordinate, strictly
    a subset there; banned points get 0 (exact integers, no modulus)."""
    blocked = {tuple(point) for point in banned}
    ways: dict[tuple[int, int, int], int] = {}
    for point in sorted(itertools.product(*(submasks(v) for v in target))):
        if point == (0, 0, 0):
            ways[point] = 1
            continue
        if point in blocked:
            ways[point] = 0
            continue
        total = 0
        for axis in range(3):
            for smaller in submasks(point[axis]):
                if smaller != point[axis]:
                    total += ways[(*point[:axis], smaller, *point[axis + 1 :])]
        ways[point] = total
    return ways[tuple(target)]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_lattice_dp(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["target"], p["banned"]) % p["MOD"])


def test_hand_instances() -> None:
    # 1-D chains to 3 = 0b11: 0→3, 0→1→3, 0→2→3; banning 1 leaves 2 walks
    assert brute_force([3, 0, 0], [[1, 0, 0]]) == 2
    assert TASK.solve({"target": [3, 0, 0], "banned": [[1, 0, 0]], "MOD": 1000}) == 2
    # to (1, 1, 0): via (1,0,0) or (0,1,0); ban one
    assert TASK.solve({"target": [1, 1, 0], "banned": [[0, 1, 0]], "MOD": 1000}) == 1
    for target in ([7, 3, 1], [5, 6, 2], [15, 0, 1]):
        banned = [[1, 1, 0], [3, 0, 1], [1, 2, 1], [5, 2, 0]]
        banned = [b for b in banned if all(x & t == x for x, t in zip(b, target)) and b != target]
        assert TASK.solve({"target": target, "banned": banned, "MOD": 10**9}) == brute_force(target, banned)
