"""PipelineArrangement: Johnson's rule against every permutation at small N."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.optimization.pipeline_arrangement import PipelineArrangement, johnson_order, makespan

TASK = PipelineArrangement()


def brute_best(first: list[int], second: list[int]) -> int:
    return min(makespan(first, second, list(order)) for order in itertools.permutations(range(len(first))))


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        first, second = problem.parameters["A"], problem.parameters["B"]
        order = list(map(int, problem.reference_answer.split()))
        assert makespan(first, second, order) == brute_best(first, second)


def test_random_instances_with_ties() -> None:
    rng = random.Random(6)
    for _ in range(40):
        n = rng.randint(1, 7)
        first, second = [rng.randint(1, 4) for _ in range(n)], [rng.randint(1, 4) for _ in range(n)]
        assert makespan(first, second, johnson_order(first, second)) == brute_best(first, second)


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"A": [3, 1, 2], "B": [1, 2, 2]}
    assert makespan(parameters["A"], parameters["B"], [1, 2, 0]) == 7  # A: 1, 3, 6; B: 1-3, 3-5, 6-7
    assert TASK.score(parameters, "1 2 0").reward == 1.0
    assert makespan(parameters["A"], parameters["B"], [0, 1, 2]) == 8
    assert TASK.score(parameters, "0 1 2").reward == pytest.approx((7 / 8) ** 5)
    assert TASK.score(parameters, "0 1").reward == -0.5
    assert TASK.score(parameters, "0 1 1").reward == -0.5
