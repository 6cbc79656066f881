"""HitoriPuzzle: the verifier accepts exactly the shadings an exhaustive search finds, and rejects broken ones."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.hitori_puzzle import HitoriPuzzle

TASK = HitoriPuzzle()


def is_rule_solution(shading: list[str], numbers: list[list[int]]) -> bool:
    rows, columns = len(numbers), len(numbers[0])
    black = {(r, c) for r in range(rows) for c in range(columns) if shading[r][c] == "*"}
    if any((r + 1, c) in black or (r, c + 1) in black for r, c in black):
        return False
    white = [(r, c) for r in range(rows) for c in range(columns) if (r, c) not in black]
    if not white:
        return False
    reached, frontier = {white[0]}, [white[0]]
    while frontier:
        r, c = frontier.pop()
        for cell in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if cell in white and cell not in reached:
                reached.add(cell)
                frontier.append(cell)
    if len(reached) != len(white):
        return False
    lines = [[(r, c) for c in range(columns)] for r in range(rows)] + [
        [(r, c) for r in range(rows)] for c in range(columns)
    ]
    for line in lines:
        kept = [numbers[r][c] for r, c in line if (r, c) not in black]
        if len(kept) != len(set(kept)):
            return False
    return True


@pytest.mark.parametrize("difficulty", [0])
def test_verifier_accepts_exactly_the_rule_solutions(difficulty: int) -> None:
    checked = 0
    for seed in range(12):
        problem = TASK.generate(seed, difficulty)
        numbers = problem.parameters["grid"]
        rows, columns = len(numbers), len(numbers[0])
        if rows * columns > 12:
            continue
        checked += 1
        assert is_rule_solution(problem.reference_answer.split("\n"), numbers)
        for bits in itertools.product(".*", repeat=rows * columns):
            shading = ["".join(bits[r * columns : (r + 1) * columns]) for r in range(rows)]
            verdict = TASK.score(problem.parameters, "\n".join(shading))
            assert (verdict.accuracy == 1) == is_rule_solution(shading, numbers)
    assert checked >= 3


@pytest.mark.parametrize("difficulty", [3, 6])
def test_reference_obeys_the_rules_at_larger_sizes(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        assert is_rule_solution(problem.reference_answer.split("\n"), problem.parameters["grid"])


def test_hand_example_and_invalid_answers() -> None:
    p = {"grid": [[1, 1, 2], [2, 3, 1], [1, 2, 3]]}
    assert TASK.score(p, "..*\n...\n...").reward == pytest.approx((4 / 6) ** 10)  # row 0 and column 0 repeat 1
    assert TASK.score(p, ".*.\n...\n*..").reward == 1.0
    assert TASK.score(p, "**.\n...\n...").reward == rewards.INVALID_SOLUTION  # touching
    assert TASK.score(p, ".*.\n*..\n...").reward == rewards.INVALID_SOLUTION  # (0,0) cut off
    for bad in (".*.\n...", ".*.\n..\n...", ".#.\n...\n..."):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
