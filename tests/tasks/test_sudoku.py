"""Sudoku: on small puzzles the verifier accepts exactly the brute-force completions."""

import itertools

from rlve_gym import get_task


def completions(grid: list[list[int]], box_rows: int, box_columns: int):
    size = box_rows * box_columns
    empty = [(r, c) for r in range(size) for c in range(size) if grid[r][c] == 0]

    def fill(index: int):
        if index == len(empty):
            yield [row[:] for row in grid]
            return
        r, c = empty[index]
        for value in range(1, size + 1):
            top, left = r - r % box_rows, c - c % box_columns
            box = (grid[i][j] for i in range(top, top + box_rows) for j in range(left, left + box_columns))
            if value in grid[r] or value in (grid[i][c] for i in range(size)) or value in box:
                continue
            grid[r][c] = value
            yield from fill(index + 1)
            grid[r][c] = 0

    yield from fill(0)


def test_accepted_grids_are_exactly_the_solutions() -> None:
    task = get_task("Sudoku")
    for seed in range(6):
        problem = task.generate(seed, 0)  # 2x2 boxes: 4x4 grids
        params = problem.parameters
        solutions = list(completions([row[:] for row in params["grid"]], params["box_rows"], params["box_columns"]))
        assert solutions
        for solution in solutions:
            text = "\n".join(" ".join(map(str, row)) for row in solution)
            assert task.verify(problem, f"<answer>{text}</answer>").accuracy == 1
        size = params["box_rows"] * params["box_columns"]
        for values in itertools.islice(itertools.product(range(1, size + 1), repeat=size), 50):
            bad = [list(values)] + [row[:] for row in solutions[0][1:]]
            if bad not in solutions:
                text = "\n".join(" ".join(map(str, row)) for row in bad)
                assert task.verify(problem, f"<answer>{text}</answer>").accuracy == 0


def test_invalid_shapes_and_changed_clues() -> None:
    task = get_task("Sudoku")
    problem = task.generate(0, 0)
    assert task.verify(problem, "<answer>1 2\n3 4</answer>").reward == -0.5
    rows = [list(map(int, line.split())) for line in problem.reference_answer.split("\n")]
    r, c = next((r, c) for r, row in enumerate(problem.parameters["grid"]) for c, v in enumerate(row) if v)
    rows[r][c] = rows[r][c] % len(rows) + 1
    assert (
        task.verify(problem, "<answer>" + "\n".join(" ".join(map(str, row)) for row in rows) + "</answer>").reward
        == -0.5
    )
