"""MatrixPermutation_MainDiagonalOne: planted answers, a brute-force check that they are solutions, and scoring."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.matrix_permutation_main_diagonal_one import MatrixPermutation_MainDiagonalOne

TASK = MatrixPermutation_MainDiagonalOne()


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_planted_answer_and_every_solution_score_one(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        matrix = problem.parameters["A"]
        n = len(matrix)
        assert TASK.score(problem.parameters, problem.reference_answer).accuracy == 1
        # a column order works with the identity row order iff it puts a 1 on every diagonal cell
        for columns in itertools.permutations(range(n)):
            ones = sum(matrix[i][columns[i]] == "1" for i in range(n))
            verdict = TASK.score(problem.parameters, f"{' '.join(map(str, range(n)))}\n{' '.join(map(str, columns))}")
            assert verdict.reward == pytest.approx((ones / n) ** 5)
            assert verdict.accuracy == (ones == n)


def test_hand_example_and_invalid_answers() -> None:
    p = {"A": ["010", "001", "100"]}
    assert TASK.score(p, "0 1 2\n1 2 0").reward == 1.0
    assert TASK.score(p, "2 0 1\n0 1 2").reward == 1.0
    assert TASK.score(p, "0 1 2\n0 1 2").reward == 0.0
    assert TASK.score(p, "0 1 1\n0 1 2").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 1 2 3\n0 1 2").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "0 1 2")
