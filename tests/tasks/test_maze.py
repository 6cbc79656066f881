"""Maze: the BFS route length against a depth-first search over every simple route; scoring of routes."""

from rlve_gym import get_task
from rlve_gym.envs.puzzle.maze import shortest_moves


def shortest_by_search(grid: list[str]) -> int | None:
    n = len(grid)
    best = None
    stack = [((0, 0), frozenset([(0, 0)]), 0)]
    while stack:
        (r, c), seen, length = stack.pop()
        if (r, c) == (n - 1, n - 1):
            best = length if best is None else min(best, length)
            continue
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < n and 0 <= nc < n and grid[nr][nc] == "." and (nr, nc) not in seen:
                stack.append(((nr, nc), seen | {(nr, nc)}, length + 1))
    return best


def test_shortest_route_matches_exhaustive_search() -> None:
    task = get_task("Maze")
    for seed in range(12):
        problem = task.generate(seed, 0)  # 4x4
        assert len(problem.reference_answer) == shortest_by_search(problem.parameters["grid"])


def test_route_scoring() -> None:
    task = get_task("Maze")
    grid = ["....", "....", "....", "...."]
    from rlve_gym.core.problem import Problem

    problem = Problem("Maze", 0, 0, "", {"grid": grid}, shortest_moves(grid))
    assert task.verify(problem, "<answer>RRRDDD</answer>").accuracy == 1
    assert task.verify(problem, "<answer>r r r d d d</answer>").accuracy == 1
    assert task.verify(problem, "<answer>RRRDDDLR</answer>").reward == (6 / 8) ** 5
    assert task.verify(problem, "<answer>RRR</answer>").reward == -0.2  # ends elsewhere
    assert task.verify(problem, "<answer>L</answer>").reward == -0.5  # off the grid
    assert task.verify(problem, "<answer>RX</answer>").reward == -1.0
