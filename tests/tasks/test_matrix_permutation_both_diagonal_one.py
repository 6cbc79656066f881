"""MatrixPermutation_BothDiagonalOne: the verifier against every pair of permutations at small N."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.matrix_permutation_both_diagonal_one import MatrixPermutation_BothDiagonalOne

TASK = MatrixPermutation_BothDiagonalOne()


def brute_ok(matrix: list[str], rows: tuple[int, ...], columns: tuple[int, ...]) -> bool:
    n = len(matrix)
    return all(matrix[rows[i]][columns[j]] == "1" for i in range(n) for j in range(n) if i == j or i + j == n - 1)


@pytest.mark.parametrize("seed", range(4))
def test_verifier_accepts_exactly_the_brute_force_solutions(seed: int) -> None:
    problem = TASK.generate(seed, 0)
    matrix = problem.parameters["A"]
    n = len(matrix)
    assert n in (3, 4)
    solutions = 0
    for rows in itertools.permutations(range(n)):
        for columns in itertools.permutations(range(n)):
            answer = f"{' '.join(map(str, rows))}\n{' '.join(map(str, columns))}"
            accepted = TASK.score(problem.parameters, answer).accuracy == 1
            assert accepted == brute_ok(matrix, rows, columns)
            solutions += accepted
    assert solutions and TASK.score(problem.parameters, problem.reference_answer).accuracy == 1


def test_sizes_follow_the_ladder() -> None:
    sizes = {len(TASK.generate(seed, 3).parameters["A"]) for seed in range(20)}
    assert sizes == {9, 10}


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"A": ["010", "101", "010"]}
    assert TASK.score(parameters, "1 0 2\n0 1 2").reward == pytest.approx((3 / 5) ** 5)  # rows 101 010 010
    assert TASK.score(parameters, "1 0 1\n0 1 2").reward == -0.5
    assert TASK.score(parameters, "1 0\n0 1 2").reward == -0.5
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "1 0 2")
    solved = {"A": ["101", "010", "101"]}
    assert TASK.score(solved, "0 1 2\n0 1 2").reward == 1.0
