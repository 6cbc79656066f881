"""NinePuzzle: reference moves reach the target, a breadth-first search solution is accepted, bad moves rejected."""

from __future__ import annotations

from collections import deque

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.nine_puzzle import NinePuzzle

TASK = NinePuzzle()


def shifted(grid: tuple[tuple[int, ...], ...], kind: str, index: int, shift: int) -> tuple[tuple[int, ...], ...]:
    rows = [list(row) for row in grid]
    if kind == "row":
        line = rows[index]
        rows[index] = [line[(j - shift) % len(line)] for j in range(len(line))]
    else:
        column = [row[index] for row in rows]
        for i, row in enumerate(rows):
            row[index] = column[(i - shift) % len(column)]
    return tuple(tuple(row) for row in rows)


def shortest_moves(p: dict, limit: int = 200_000) -> list[str] | None:
    start = tuple(tuple(row) for row in p["start"])
    target = tuple(tuple(row) for row in p["target"])
    rows, columns = len(start), len(start[0])
    moves = [("row", i, s) for i in range(rows) for s in range(-p["row_limit"], p["row_limit"] + 1) if s]
    moves += [("column", j, s) for j in range(columns) for s in range(-p["column_limit"], p["column_limit"] + 1) if s]
    previous = {start: None}
    queue = deque([start])
    while queue and len(previous) < limit:
        grid = queue.popleft()
        if grid == target:
            path = []
            while previous[grid] is not None:
                grid, move = previous[grid]
                path.append(" ".join(map(str, move)))
            return path[::-1]
        for move in moves:
            following = shifted(grid, *move)
            if following not in previous:
                previous[following] = (grid, move)
                queue.append(following)
    return None


def test_search_solutions_are_accepted() -> None:
    found = 0
    for seed in range(40):
        problem = TASK.generate(seed, 0)
        p = problem.parameters
        assert TASK.score(p, problem.reference_answer).accuracy == 1
        if len(p["start"]) * len(p["start"][0]) > 6:  # keep the search space small
            continue
        path = shortest_moves(p)
        assert path is not None
        found += 1
        assert len(path) <= len(problem.reference_answer.split("\n"))
        assert TASK.score(p, "\n".join(path)).accuracy == 1
    assert found >= 3


def test_hand_example_and_invalid_moves() -> None:
    p = {"start": [[0, 1, 2], [3, 4, 5]], "target": [[2, 0, 1], [3, 4, 5]], "row_limit": 1, "column_limit": 1}
    assert TASK.score(p, "row 0 1").reward == 1.0
    assert TASK.score(p, "row 0 -1\nrow 0 -1").reward == 1.0  # two left shifts equal one right shift
    assert TASK.score(p, "Row 0 1").reward == 1.0
    assert TASK.score(p, "column 0 1").reward == pytest.approx((2 / 6) ** 10)  # only 4 and 5 in place
    assert TASK.score(p, "row 0 2").reward == rewards.INVALID_SOLUTION  # farther than 1
    assert TASK.score(p, "row 2 1").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "column 3 1").reward == rewards.INVALID_SOLUTION
    for bad in ("row 0", "diagonal 0 1", "row a 1", "row 0 1 2", "   "):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
