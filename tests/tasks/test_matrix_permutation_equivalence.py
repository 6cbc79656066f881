"""MatrixPermutationEquivalence: the planted permutations against a search over all row/column permutations."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.matrix_permutation_equivalence import MatrixPermutationEquivalence

TASK = MatrixPermutationEquivalence()


def brute_force_solutions(source: list[str], target: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    n, m = len(source), len(source[0])
    return [
        (rows, columns)
        for rows in itertools.permutations(range(n))
        for columns in itertools.permutations(range(m))
        if all(source[rows[i]][columns[j]] == target[i][j] for i in range(n) for j in range(m))
    ]


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_is_one_of_the_brute_force_solutions(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        rows, columns = (tuple(map(int, line.split())) for line in problem.reference_answer.split("\n"))
        solutions = brute_force_solutions(p["A"], p["B"])
        assert (rows, columns) in solutions
        for solution in solutions[:5]:
            text = f"{' '.join(map(str, solution[0]))}\n{' '.join(map(str, solution[1]))}"
            assert TASK.score(p, text).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    p = {"A": ["100", "011"], "B": ["110", "001"]}  # swap the rows, then columns (1, 2, 0)
    assert TASK.score(p, "1 0\n1 2 0").reward == 1.0
    # unpermuted, A and B agree in 4 of their 6 cells
    assert TASK.score(p, "0 1\n0 1 2").reward == pytest.approx((4 / 6) ** 5)
    assert TASK.score(p, "0 0\n0 1 2").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 1\n0 1").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "0 1 0 1 2")
