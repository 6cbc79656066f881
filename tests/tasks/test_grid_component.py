"""GridComponent: the flood fill against union-find over adjacent 1-cells."""

from __future__ import annotations

from collections import Counter

import pytest

from rlve_gym.envs.common.graphs import DisjointSets
from rlve_gym.envs.graph.grid_component import GridComponent

TASK = GridComponent()


def union_find_largest(grid: list[str]) -> int:
    rows, columns = len(grid), len(grid[0])
    cells = DisjointSets(rows * columns)
    for r in range(rows):
        for c in range(columns):
            if grid[r][c] == "1":
                if r + 1 < rows and grid[r + 1][c] == "1":
                    cells.union(r * columns + c, (r + 1) * columns + c)
                if c + 1 < columns and grid[r][c + 1] == "1":
                    cells.union(r * columns + c, r * columns + c + 1)
    sizes = Counter(cells.find(r * columns + c) for r in range(rows) for c in range(columns) if grid[r][c] == "1")
    return max(sizes.values(), default=0)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_generated_instances_match_union_find(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        assert int(problem.reference_answer) == union_find_largest(problem.parameters["grid"])


def test_hand_example() -> None:
    p = {"grid": ["110", "001", "011"]}
    assert TASK.solve(p) == 3
    assert TASK.score(p, "3").reward == 1.0
    assert TASK.score(p, "2").reward == 0.0
    assert TASK.solve({"grid": ["00", "00"]}) == 0
