"""SkyscraperPuzzle: the verifier against every Latin square at small N."""

from __future__ import annotations

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.skyscraper_puzzle import SkyscraperPuzzle, visible
from tests.tasks.test_futoshiki_puzzle import latin_squares

TASK = SkyscraperPuzzle()


def brute_matches(parameters: dict, square: list[list[int]]) -> bool:
    n = parameters["N"]
    columns = [[square[i][j] for i in range(n)] for j in range(n)]
    return all(
        visible(line) == parameters[side][k]
        for side, lines in (("left", square), ("top", columns))
        for k, line in enumerate(lines)
    ) and all(
        visible(line[::-1]) == parameters[side][k]
        for side, lines in (("right", square), ("bottom", columns))
        for k, line in enumerate(lines)
    )


@pytest.mark.parametrize("difficulty", [0, 1])
def test_verifier_accepts_exactly_the_brute_force_solutions(difficulty: int) -> None:
    squares = latin_squares(difficulty + 3)
    for seed in range(3):
        problem = TASK.generate(seed, difficulty)
        solutions = 0
        for square in squares:
            answer = "\n".join(" ".join(map(str, row)) for row in square)
            accepted = TASK.score(problem.parameters, answer).accuracy == 1
            assert accepted == brute_matches(problem.parameters, square)
            solutions += accepted
        assert solutions >= 1 and TASK.score(problem.parameters, problem.reference_answer).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    assert visible([0, 2, 1, 3]) == 3 and visible([3, 2, 1, 0]) == 1
    grid = "0 1 2\n1 2 0\n2 0 1"
    parameters = {"N": 3, "left": [3, 2, 1], "right": [1, 2, 2], "top": [3, 2, 1], "bottom": [1, 2, 2]}
    assert TASK.score(parameters, grid).reward == 1.0
    assert TASK.score({**parameters, "left": [1, 1, 1]}, grid).reward == pytest.approx((10 / 12) ** 10)
    assert TASK.score(parameters, "0 1 2\n1 2 0\n2 1 0").reward == -0.5
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "0 1 2\n1 2 0")
