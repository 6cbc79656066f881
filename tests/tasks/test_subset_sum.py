"""SubsetSum: the verifier and the DP solver against every subset of small instances."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.puzzle.subset_sum import SubsetSum

TASK = SubsetSum()


def subsets(n: int):
    for size in range(n + 1):
        yield from itertools.combinations(range(n), size)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_verifier_accepts_exactly_the_subsets_hitting_the_target(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        hits = 0
        for chosen in subsets(len(p["A"])):
            verdict = TASK.score(p, " ".join(map(str, chosen)))
            expected = sum(p["A"][i] for i in chosen) == p["target"]
            assert verdict.accuracy == expected and verdict.reward == float(expected)
            hits += expected
        assert hits >= 1
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_solver_agrees_with_brute_force_on_existence() -> None:
    rng = random.Random(3)
    for _ in range(300):
        n = rng.randint(1, 7)
        parameters = {"A": [rng.randint(1, 9) for _ in range(n)], "target": rng.randint(1, 30)}
        exists = any(sum(parameters["A"][i] for i in chosen) == parameters["target"] for chosen in subsets(n))
        found = TASK.solve(parameters)
        assert bool(found) == exists, parameters
        if found:
            assert len(set(found)) == len(found) and sum(parameters["A"][i] for i in found) == parameters["target"]


def test_hand_example() -> None:
    parameters = {"A": [3, 1, 4, 1, 5], "target": 6}
    assert TASK.score(parameters, "1 4").reward == 1.0
    assert TASK.score(parameters, "0 1 3").reward == 0.0  # 3 + 1 + 1 = 5
    assert TASK.score(parameters, "").reward == 0.0
    for bad in ("1 1 4", "5", "-1 2"):
        assert TASK.score(parameters, bad).reward == rewards.INVALID_SOLUTION
