"""NoAdjacentGirlCounting: the gap formula against listing line-ups (people, or kinds times labellings)."""

from __future__ import annotations

import itertools
import math

import pytest
from sympy.utilities.iterables import multiset_permutations

from rlve_gym.envs.counting.no_adjacent_girl_counting import NoAdjacentGirlCounting

TASK = NoAdjacentGirlCounting()


def allowed(kinds: list[str]) -> bool:
    return all(not (a == b and a in "GT") for a, b in itertools.pairwise(kinds))


def count_people(boys: int, girls: int) -> int:
    people = ["B"] * boys + ["G"] * girls + ["T", "T"]
    # distinct people: permutations of indices, judged by the kind at each place
    return sum(allowed([people[i] for i in order]) for order in itertools.permutations(range(len(people))))


def count_kinds(boys: int, girls: int) -> int:
    layouts = sum(allowed(kinds) for kinds in multiset_permutations(["B"] * boys + ["G"] * girls + ["T", "T"]))
    return layouts * math.factorial(boys) * math.factorial(girls) * 2


def test_people_listing_small() -> None:
    for boys in range(1, 4):
        for girls in range(1, 4):
            if boys + girls <= 5:
                assert TASK.solve({"N": boys, "M": girls}) == count_people(boys, girls)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_kind_listing(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        boys, girls = problem.parameters["N"], problem.parameters["M"]
        assert problem.reference_answer == str(count_kinds(boys, girls))


def test_all_pairs_up_to_five() -> None:
    for boys in range(1, 6):
        for girls in range(1, 6):
            assert TASK.solve({"N": boys, "M": girls}) == count_kinds(boys, girls), (boys, girls)


def test_hand_example_and_rewards() -> None:
    parameters = {"N": 1, "M": 1}  # kinds: 4!/2 = 12 orders, 6 with T T adjacent → 6 layouts, ×2 teachers
    assert TASK.solve(parameters) == 12
    assert TASK.score(parameters, "12").reward == 1.0
    assert TASK.score(parameters, "6").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "-1").reward == -1.0
