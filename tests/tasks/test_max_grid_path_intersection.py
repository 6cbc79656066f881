"""MaxGridPathIntersection: the min-cost-flow optimum against every multiset of K monotone walks."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.optimization.max_grid_path_intersection import MaxGridPathIntersection, max_collected

TASK = MaxGridPathIntersection()


def all_walks(n: int) -> list[frozenset[tuple[int, int]]]:
    walks = []
    for downs in itertools.combinations(range(2 * n - 2), n - 1):
        i = j = 0
        cells = {(0, 0)}
        for step in range(2 * n - 2):
            if step in downs:
                i += 1
            else:
                j += 1
            cells.add((i, j))
        walks.append(frozenset(cells))
    return walks


def brute_force(grid: list[list[int]], k: int) -> int:
    walks = all_walks(len(grid))
    return max(
        sum(grid[i][j] for i, j in frozenset().union(*chosen))
        for chosen in itertools.combinations_with_replacement(walks, k)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_against_every_set_of_walks(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert int(problem.reference_answer) == brute_force(p["grid"], p["K"])


def test_random_grids_with_more_walks() -> None:
    rng = random.Random(3)
    for _ in range(25):
        n = rng.randint(2, 4)
        grid = [[rng.randint(0, 9) for _ in range(n)] for _ in range(n)]
        k = rng.randint(1, 3)
        assert max_collected(grid, k) == brute_force(grid, k)


def test_hand_example() -> None:
    p = {"grid": [[1, 2, 3], [4, 5, 6], [7, 8, 9]], "K": 1}
    assert TASK.solve(p) == 1 + 4 + 7 + 8 + 9
    p["K"] = 2
    # two walks cannot reach both corner cells 3 and 7 and the centre; leaving out 3 is best
    assert TASK.solve(p) == 45 - 3
    assert TASK.score(p, "42").reward == 1.0
    assert TASK.score(p, "0").reward == 0.0
