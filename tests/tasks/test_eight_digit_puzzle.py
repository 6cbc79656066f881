"""EightDigitPuzzle: a breadth-first search finds a move sequence no longer than the planted one, and the
verifier accepts it; partial credit by matching cells."""

from collections import deque

from rlve_gym import get_task
from rlve_gym.envs.puzzle.eight_digit_puzzle import apply_moves


def bfs_moves(start: list[list[int]], goal: list[list[int]], limit: int) -> str | None:
    key = lambda grid: tuple(map(tuple, grid))  # noqa: E731
    queue, seen = deque([(start, "")]), {key(start)}
    while queue:
        grid, moves = queue.popleft()
        if grid == goal:
            return moves
        if len(moves) == limit:
            continue
        for move in "UDLR":
            nxt = apply_moves(grid, move)
            if nxt is not None and key(nxt) not in seen:
                seen.add(key(nxt))
                queue.append((nxt, moves + move))
    return None


def test_breadth_first_solutions_are_accepted() -> None:
    task = get_task("EightDigitPuzzle")
    for seed in range(10):
        problem = task.generate(seed, 0)
        start, goal = problem.parameters["start"], problem.parameters["goal"]
        found = bfs_moves(start, goal, len(problem.reference_answer))
        assert found is not None and len(found) <= len(problem.reference_answer)
        if found:
            assert task.verify(problem, f"<answer>{found}</answer>").accuracy == 1


def test_invalid_and_partial() -> None:
    task = get_task("EightDigitPuzzle")
    problem = task.generate(2, 1)
    start = problem.parameters["start"]
    zero_row = next(r for r, row in enumerate(start) if 0 in row)
    off_grid = "U" * (zero_row + 1)
    assert task.verify(problem, f"<answer>{off_grid}</answer>").reward == -0.5
    assert task.verify(problem, "<answer>UPX</answer>").reward == -1.0
