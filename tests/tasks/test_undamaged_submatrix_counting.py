"""UndamagedSubmatrixCounting: the stack count against checking every submatrix."""

from rlve_gym.core.registry import get_task
from rlve_gym.envs.counting.undamaged_submatrix_counting import count_all_ones_submatrices

TASK = get_task("UndamagedSubmatrixCounting")


def _count_by_enumeration(matrix: list[list[int]]) -> int:
    rows, columns = len(matrix), len(matrix[0])
    return sum(
        all(matrix[r][c] for r in range(top, bottom + 1) for c in range(left, right + 1))
        for top in range(rows)
        for bottom in range(top, rows)
        for left in range(columns)
        for right in range(left, columns)
    )


def test_stack_count_matches_enumeration():
    for difficulty in (0, 1, 2, 5):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            assert int(problem.reference_answer) == _count_by_enumeration(problem.parameters["matrix"])


def test_hand_examples_and_rewards():
    assert count_all_ones_submatrices([[1, 1], [1, 1]]) == 9
    assert count_all_ones_submatrices([[1, 0], [0, 1]]) == 2
    assert count_all_ones_submatrices([[0, 0], [0, 0]]) == 0
    zero = {"matrix": [[0, 0], [0, 0]]}
    assert TASK.score(zero, "0").reward == 1.0
    assert TASK.score(zero, "3").reward == 0.0
    full = {"matrix": [[1, 1], [1, 1]]}
    assert TASK.score(full, "-9").reward == -1.0
    assert abs(TASK.score(full, "10").reward - 0.9**10) < 1e-12
