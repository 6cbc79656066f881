"""MatrixPooling: the two-pass pooling against the direct K×K maximum, and scoring."""

from __future__ import annotations

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic.matrix_pooling import MatrixPooling

TASK = MatrixPooling()


def brute_force_pool(matrix: list[list[int]], k: int) -> list[list[int]]:
    n, m = len(matrix), len(matrix[0])
    return [
        [max(matrix[i + a][j + b] for a in range(k) for b in range(k)) for j in range(m - k + 1)]
        for i in range(n - k + 1)
    ]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_solver_matches_direct_maximum(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        expected = brute_force_pool(p["matrix"], p["K"])
        assert TASK.solve(p) == expected
        assert problem.reference_answer == "\n".join(" ".join(map(str, row)) for row in expected)


def test_hand_example_and_shapes() -> None:
    p = {"matrix": [[1, 5, 2], [7, 0, 3], [4, 4, 9]], "K": 2}
    assert TASK.solve(p) == [[7, 5], [7, 9]]
    assert TASK.score(p, "7 5\n7 9").reward == 1.0
    assert TASK.score(p, "7 5\n7 8").reward == pytest.approx(0.75**5)
    for bad in ("7 5 7 9", "7 5\n7", "7 5\n7 9\n1 1"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
