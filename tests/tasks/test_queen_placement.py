"""QueenPlacement: the verifier accepts exactly the placements an exhaustive search finds."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.queen_placement import QueenPlacement

TASK = QueenPlacement()


def peaceful(queens: list[tuple[int, int]]) -> bool:
    return all(
        r1 != r2 and c1 != c2 and abs(r1 - r2) != abs(c1 - c2)
        for (r1, c1), (r2, c2) in itertools.combinations(queens, 2)
    )


@pytest.mark.parametrize("difficulty", [0, 1])
def test_verifier_accepts_exactly_the_peaceful_completions(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        board, k = problem.parameters["board"], problem.parameters["K"]
        n = len(board)
        given = [(r, c) for r in range(n) for c in range(n) if board[r][c] == "Q"]
        empty = [(r, c) for r in range(n) for c in range(n) if board[r][c] == "."]
        accepted = 0
        for added in itertools.combinations(empty, k):
            rows = [list(row) for row in board]
            for r, c in added:
                rows[r][c] = "Q"
            verdict = TASK.score(problem.parameters, "\n".join("".join(row) for row in rows))
            assert (verdict.accuracy == 1) == peaceful(given + list(added))
            accepted += verdict.accuracy
        assert accepted >= 1


def test_hand_example_and_invalid_answers() -> None:
    p = {"board": [".Q..", "....", "Q...", "...."], "K": 2}
    assert TASK.score(p, ".Q..\n...Q\nQ...\n..Q.").reward == 1.0
    assert TASK.score(p, ".Q..\n...Q\nQ...\n....").reward == 0.0  # only one added
    assert TASK.score(p, ".Q..\n..Q.\nQ...\n...Q").reward == 0.0  # attack on a diagonal
    assert TASK.score(p, "....\n...Q\nQ...\n..Q.").reward == rewards.INVALID_SOLUTION
    for bad in (".Q..\n...Q\nQ...", ".Q..\n...Q\nQ...\n..K."):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
