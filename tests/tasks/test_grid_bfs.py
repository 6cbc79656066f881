"""GridBFS: the multi-source BFS against a separate BFS from every 1."""

from __future__ import annotations

from collections import deque

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.grid_bfs import GridBFS

TASK = GridBFS()


def single_source(grid: list[str], start: tuple[int, int]) -> dict[tuple[int, int], int]:
    distance = {start: 0}
    queue = deque([start])
    while queue:
        r, c = queue.popleft()
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            inside = 0 <= nr < len(grid) and 0 <= nc < len(grid[0])
            if inside and grid[nr][nc] != "X" and (nr, nc) not in distance:
                distance[(nr, nc)] = distance[(r, c)] + 1
                queue.append((nr, nc))
    return distance


def brute_force(grid: list[str]) -> list[list[int]]:
    sources = [(r, c) for r, row in enumerate(grid) for c, cell in enumerate(row) if cell == "1"]
    maps = [single_source(grid, s) for s in sources]
    return [
        [-1 if cell == "X" else min((m[(r, c)] for m in maps if (r, c) in m), default=-1) for c, cell in enumerate(row)]
        for r, row in enumerate(grid)
    ]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_per_source_bfs(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        assert TASK.solve(problem.parameters) == brute_force(problem.parameters["grid"])


def test_hand_example() -> None:
    p = {"grid": ["1X0", "0X0"]}
    assert TASK.solve(p) == [[0, -1, -1], [1, -1, -1]]
    assert TASK.score(p, "0 -1 -1\n1 -1 -1").reward == 1.0
    assert TASK.score(p, "0 -1 -1\n1 -1 2").reward == pytest.approx((5 / 6) ** 10)
    for bad in ("0 -1 -1", "0 -1\n1 -1", "0 -1 -1\n1 -1 -1\n0 0 0"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
