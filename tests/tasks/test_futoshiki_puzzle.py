"""FutoshikiPuzzle: the verifier against a brute-force enumeration of all Latin squares at small N."""

from __future__ import annotations

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.futoshiki_puzzle import FutoshikiPuzzle

TASK = FutoshikiPuzzle()


def latin_squares(n: int) -> list[list[list[int]]]:
    """All Latin squares of order n (row by row, each row a permutation avoiding its columns' values)."""
    squares: list[list[list[int]]] = []

    def rows(prefix: list[int], used_columns: list[set[int]]) -> list[list[int]]:
        if len(prefix) == n:
            return [prefix]
        found = []
        for value in range(n):
            if value not in prefix and value not in used_columns[len(prefix)]:
                found += rows([*prefix, value], used_columns)
        return found

    def extend(square: list[list[int]]) -> None:
        if len(square) == n:
            squares.append(square)
            return
        used = [{row[j] for row in square} for j in range(n)]
        for row in rows([], used):
            extend([*square, row])

    extend([])
    return squares


def brute_is_solution(parameters: dict, square: list[list[int]]) -> bool:
    keeps_givens = all(g in (-1, v) for gr, r in zip(parameters["grid"], square) for g, v in zip(gr, r))
    holds = all(square[a][b] < square[x][y] for a, b, x, y in parameters["inequalities"])
    return keeps_givens and holds


@pytest.mark.parametrize("difficulty", [0, 1])
def test_verifier_accepts_exactly_the_brute_force_solutions(difficulty: int) -> None:
    n = difficulty + 3
    squares = latin_squares(n)
    assert len(squares) == {3: 12, 4: 576}[n]
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        parameters = problem.parameters
        assert 1 <= len(parameters["inequalities"]) <= 2 * n
        assert len({tuple(i) for i in parameters["inequalities"]}) == len(parameters["inequalities"])
        solutions = 0
        for square in squares:
            answer = "\n".join(" ".join(map(str, row)) for row in square)
            accepted = TASK.score(parameters, answer).accuracy == 1
            assert accepted == brute_is_solution(parameters, square)
            solutions += accepted
        assert solutions >= 1 and TASK.score(parameters, problem.reference_answer).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 3, "grid": [[0, -1, -1], [-1, 2, -1], [-1, -1, 1]], "inequalities": [[0, 1, 0, 2], [1, 0, 2, 0]]}
    assert TASK.score(parameters, "0 1 2\n1 2 0\n2 0 1").reward == 1.0
    assert TASK.score(parameters, "0 2 1\n1 2 0\n2 0 1").reward == -0.5  # column 1 repeats 2
    assert TASK.score(parameters, "1 2 0\n2 0 1\n0 1 2").reward == -0.5  # changes the givens
    half = {**parameters, "inequalities": [[0, 1, 0, 2], [0, 2, 0, 1]]}
    assert TASK.score(half, "0 1 2\n1 2 0\n2 0 1").reward == pytest.approx(0.5**5)
    for malformed in ("0 1 2\n1 2 0", "0 1 2 0\n1 2 0\n2 0 1", "a b c"):
        with pytest.raises(AnswerFormatError):
            TASK.score(parameters, malformed)
