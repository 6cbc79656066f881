"""StarBattle: the verifier accepts exactly the star placements an exhaustive search finds."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.star_battle import StarBattle, star_columns

TASK = StarBattle()


def obeys_rules(stars: tuple[int, ...]) -> bool:
    return len(set(stars)) == len(stars) and all(abs(a - b) > 1 for a, b in itertools.pairwise(stars))


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_verifier_accepts_exactly_the_rule_solutions(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        given = problem.parameters["grid"]
        rows, columns = len(given), len(given[0])
        for stars in itertools.product(range(columns), repeat=rows):
            if any(given[r][c] == "X" for r, c in enumerate(stars)):
                continue
            grid = ["".join("*" if c == stars[r] else given[r][c] for c in range(columns)) for r in range(rows)]
            assert (TASK.score(problem.parameters, "\n".join(grid)).accuracy == 1) == obeys_rules(stars)


def test_star_columns_are_valid_or_impossible() -> None:
    rng = random.Random(1)
    assert star_columns(rng, 3, 3) is None
    for _ in range(200):
        columns = rng.randint(3, 15)
        rows = rng.randint(2, columns)
        stars = star_columns(rng, rows, columns)
        if (rows, columns) == (3, 3):
            continue
        assert stars is not None and len(stars) == rows and obeys_rules(tuple(stars))


def test_hand_example_and_invalid_answers() -> None:
    p = {"grid": ["....", "X...", "...."]}
    assert TASK.score(p, "*...\nX.*.\n*...").reward == 0.0  # column 0 used twice
    assert TASK.score(p, "*...\nX.*.\n.*..").reward == 0.0  # touching diagonally
    assert TASK.score(p, ".*..\nX..*\n*...").reward == 1.0
    assert TASK.score(p, ".*..\n*...\n..*.").reward == rewards.INVALID_SOLUTION  # star on X
    assert TASK.score(p, ".*.X\nX..*\n*...").reward == rewards.INVALID_SOLUTION  # new X
    for bad in (".*..\nX..*", ".*..\nX..*\n*..Q"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
