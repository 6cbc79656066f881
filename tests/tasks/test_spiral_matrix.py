"""SpiralMatrix: the walker against an independent layer-peeling implementation."""

from rlve_gym import get_task


def spiral_by_peeling(matrix: list[list[int]]) -> list[int]:
    rows = [row[:] for row in matrix]
    order = []
    while rows:
        order += rows.pop(0)
        rows = [list(row) for row in zip(*rows)][::-1]  # rotate the rest counter-clockwise
    return order


def test_spiral_order_matches_peeling() -> None:
    task = get_task("SpiralMatrix")
    for difficulty in (0, 2, 6):
        for seed in range(10):
            problem = task.generate(seed, difficulty)
            assert list(map(int, problem.reference_answer.split())) == spiral_by_peeling(problem.parameters["matrix"])
    example = {"matrix": [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]}
    assert task.solve(example) == [1, 2, 3, 4, 8, 12, 11, 10, 9, 5, 6, 7]
