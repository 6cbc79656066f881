"""LightUpPuzzle: the verifier accepts exactly the bulb placements an exhaustive search finds."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.light_up_puzzle import LightUpPuzzle

TASK = LightUpPuzzle()


def obeys_rules(grid: list[str], given: list[str]) -> bool:
    rows, columns = len(grid), len(grid[0])
    bulbs = {(r, c) for r in range(rows) for c in range(columns) if grid[r][c] == "L"}
    lit = set()
    for r, c in bulbs:
        lit.add((r, c))
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            while 0 <= nr < rows and 0 <= nc < columns and given[nr][nc] == "W":
                if (nr, nc) in bulbs:
                    return False
                lit.add((nr, nc))
                nr, nc = nr + dr, nc + dc
    for r in range(rows):
        for c in range(columns):
            if given[r][c] == "W" and (r, c) not in lit:
                return False
            if given[r][c].isdigit():
                around = sum((r + dr, c + dc) in bulbs for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)))
                if around != int(given[r][c]):
                    return False
    return True


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_verifier_accepts_exactly_the_rule_solutions(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        given = problem.parameters["grid"]
        whites = [(r, c) for r, row in enumerate(given) for c, cell in enumerate(row) if cell == "W"]
        if len(whites) > 10:
            continue
        assert obeys_rules(problem.reference_answer.split("\n"), given)
        for chosen in itertools.product((False, True), repeat=len(whites)):
            grid = [list(row) for row in given]
            for (r, c), bulb in zip(whites, chosen):
                if bulb:
                    grid[r][c] = "L"
            rows = ["".join(row) for row in grid]
            assert (TASK.score(problem.parameters, "\n".join(rows)).accuracy == 1) == obeys_rules(rows, given)


def test_hand_example_and_invalid_answers() -> None:
    p = {"grid": ["W1W", "WBW", "2WW"]}
    assert obeys_rules(["W1L", "LBW", "2LW"], p["grid"])
    assert TASK.score(p, "W1L\nLBW\n2LW").reward == 1.0
    assert TASK.score(p, "L1W\nWBL\n2LW").reward == pytest.approx(0.5**10)  # all lit, but the 2 sees one bulb
    assert TASK.score(p, "W1L\nLBW\n2LL").reward == rewards.INVALID_SOLUTION  # bulbs see each other
    assert TASK.score(p, "W1L\nLBW\n1LW").reward == rewards.INVALID_SOLUTION  # a number was changed
    assert TASK.score(p, "W1L\nLBL\n2WW").reward == rewards.INVALID_SOLUTION  # (2,1) is dark
    assert TASK.score(p, "W1L\nLBW\n2XW").reward == rewards.INVALID_SOLUTION
    for bad in ("W1L\nLBW", "W1L\nLBW\n2LWW"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
