"""GridLocalMinimumCounting: inclusion-exclusion against a DP over the set of already numbered cells."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from rlve_gym.envs.counting import grid_local_minimum_counting as module
from rlve_gym.envs.counting.grid_local_minimum_counting import (
    GridLocalMinimumCounting,
    closed_neighbourhoods,
    count_numberings,
    local_minima,
)

TASK = GridLocalMinimumCounting()


def numberings_by_filling(rows: int, columns: int, minima: list[bool]) -> int:
    """Write 1, 2, ... one cell at a time: a marked cell must have no numbered neighbour yet, any other cell must
    already have one (that neighbour is smaller). States are the sets of numbered cells."""
    cells = rows * columns
    around = [block & ~(1 << cell) for cell, block in enumerate(closed_neighbourhoods(rows, columns))]
    ways = {0: 1}
    for _ in range(cells):
        following: Counter[int] = Counter()
        for filled, count in ways.items():
            for cell in range(cells):
                if filled >> cell & 1 or bool(around[cell] & filled) == minima[cell]:
                    continue
                following[filled | 1 << cell] += count
        ways = following
    return ways.get((1 << cells) - 1, 0)


def test_generated_instances_match_brute_force() -> None:
    checked = 0
    for difficulty in (0, 1, 2):
        for seed in range(10):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            if p["N"] * p["M"] > 12:
                continue
            minima = [char == "X" for row in p["grid"] for char in row]
            assert int(problem.reference_answer) == numberings_by_filling(p["N"], p["M"], minima) > 0
            checked += 1
    assert checked >= 8


def test_random_and_hand_made_markings() -> None:
    rng = random.Random(12)
    for _ in range(40):
        rows, columns = rng.randint(1, 3), rng.randint(1, 4)
        if rng.random() < 0.5:
            minima = local_minima(rows, columns, rng.sample(range(rows * columns), rows * columns))
        else:
            minima = [rng.random() < 0.3 for _ in range(rows * columns)]  # often impossible: count 0
        assert count_numberings(rows, columns, minima) == numberings_by_filling(rows, columns, minima)


def test_splitting_into_independent_groups_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(21)
    cases = []
    for rows, columns in ((2, 9), (3, 7), (4, 5), (5, 5), (1, 12)):
        minima = local_minima(rows, columns, rng.sample(range(rows * columns), rows * columns))
        cases.append((rows, columns, minima, count_numberings(rows, columns, minima)))
    split = module._candidate_components
    assert any(len(split(r, c, m, closed_neighbourhoods(r, c))) > 1 for r, c, m, _ in cases)

    def one_group(*arguments):
        return [sorted(cell for group in split(*arguments) for cell in group)]

    monkeypatch.setattr(module, "_candidate_components", one_group)
    for rows, columns, minima, count in cases:
        assert count_numberings(rows, columns, minima) == count


def test_budget_and_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    minima = local_minima(6, 6, random.Random(1).sample(range(36), 36))
    assert count_numberings(6, 6, minima, budget=3) is None
    monkeypatch.setattr(module, "_ATTEMPTS", 0)  # straight to the 2 × M fallback
    problem = TASK.generate(4, 10)
    assert problem.parameters["N"] == 2 and problem.parameters["M"] <= 12
    assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_hand_example_and_rewards() -> None:
    # 1 × 3 with the middle cell marked: it must hold 1, the ends 2 and 3 in either order
    assert count_numberings(1, 3, [False, True, False]) == 2
    # 2 × 2: every cell touches every other, so the single minimum is wherever 1 goes: 3! numberings each
    assert count_numberings(2, 2, [True, False, False, False]) == 6
    assert count_numberings(2, 2, [True, False, False, True]) == 0
    parameters = {"N": 1, "M": 3, "grid": [".X."], "count": 2}
    assert TASK.solve(parameters) == 2
    assert TASK.score(parameters, "2").reward == 1.0
    assert TASK.score(parameters, "0").reward == 0.0
    assert TASK.score(parameters, "-2").reward == -1.0
    assert TASK.score(parameters, "4").reward == pytest.approx(0.5**10)
