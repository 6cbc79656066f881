"""Matrix_BinaryExponentiation: square-and-multiply against K - 1 plain multiplications."""

from __future__ import annotations

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.math.matrix_binary_exponentiation import Matrix_BinaryExponentiation

TASK = Matrix_BinaryExponentiation()


def repeated_product(matrix: list[list[int]], power: int) -> list[list[int]]:
    n = len(matrix)
    result = [row[:] for row in matrix]
    for _ in range(power - 1):
        result = [[sum(result[i][k] * matrix[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
    return [[value % 10_000 for value in row] for row in result]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3, 5])
def test_generated_instances_match_repeated_products(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        expected = repeated_product(p["A"], p["K"])
        assert problem.reference_answer == "\n".join(" ".join(map(str, row)) for row in expected)


def test_hand_example_and_scoring() -> None:
    fibonacci = {"A": [[1, 1], [1, 0]], "K": 10}
    assert TASK.solve(fibonacci) == [[89, 55], [55, 34]]
    assert TASK.score(fibonacci, "89 55\n55 34").reward == 1.0
    assert TASK.score(fibonacci, "89 55\n55 35").reward == pytest.approx(0.75**5)
    for bad in ("89 55", "89 55\n55 34\n1 1", "89 55 1\n55 34"):
        with pytest.raises(AnswerFormatError):
            TASK.score(fibonacci, bad)
