"""MafMafia: both constructed orders against trying every acting order at small N."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.optimization.maf_mafia import MafMafia, deaths, fewest_deaths_order, most_deaths_order

TASK = MafMafia()


def extremes_by_enumeration(targets: list[int]) -> tuple[int, int]:
    outcomes = [deaths(targets, list(order)) for order in itertools.permutations(range(len(targets)))]
    return min(outcomes), max(outcomes)


def test_constructions_match_enumeration_on_random_targets() -> None:
    rng = random.Random(10)
    for _ in range(150):
        n = rng.randint(1, 7)
        targets = [rng.randrange(n) for _ in range(n)]
        fewest, most = extremes_by_enumeration(targets)
        low, high = fewest_deaths_order(targets), most_deaths_order(targets)
        assert sorted(low) == sorted(high) == list(range(n))
        assert deaths(targets, low) == fewest, targets
        assert deaths(targets, high) == most, targets


def test_every_functional_graph_on_four_players() -> None:
    for targets in itertools.product(range(4), repeat=4):
        fewest, most = extremes_by_enumeration(list(targets))
        assert deaths(list(targets), fewest_deaths_order(list(targets))) == fewest
        assert deaths(list(targets), most_deaths_order(list(targets))) == most


def test_generated_references() -> None:
    for difficulty in (0, 1, 2):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            fewest, most = extremes_by_enumeration(p["TO"])
            assert p["best"] == (fewest if p["goal"] == "minimize" else most)
            assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_hand_example_and_invalid_answers() -> None:
    # a 4-cycle 0 -> 1 -> 2 -> 3 -> 0: 0 and 2 shooting first kill only 1 and 3; 2, 1, 0 in turn kill 3, 2, 1
    cycle = [1, 2, 3, 0]
    assert extremes_by_enumeration(cycle) == (2, 3)
    low = {"N": 4, "TO": cycle, "goal": "minimize", "best": 2}
    high = {**low, "goal": "maximize", "best": 3}
    assert TASK.score(low, "0 2 1 3").reward == 1.0
    assert TASK.score(low, "2 1 0 3").reward == pytest.approx((2 / 3) ** 5)
    assert TASK.score(high, "2 1 0 3").reward == 1.0
    assert TASK.score(high, "0 2 1 3").reward == pytest.approx((2 / 3) ** 5)
    assert TASK.score(low, "0 1 2").reward == -0.5
    assert TASK.score(low, "0 1 2 2").reward == -0.5
