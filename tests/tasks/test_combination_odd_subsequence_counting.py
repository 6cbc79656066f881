"""CombinationOddSubsequenceCounting: the submask-chain DP against every subsequence and math.comb."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from rlve_gym.envs.counting.combination_odd_subsequence_counting import CombinationOddSubsequenceCounting

TASK = CombinationOddSubsequenceCounting()


def count_by_listing(values: list[int]) -> int:
    total = 0
    for k in range(2, len(values) + 1):
        for chosen in itertools.combinations(values, k):
            product = math.prod(math.comb(x, y) for x, y in itertools.pairwise(chosen))
            total += product % 2
    return total


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(count_by_listing(problem.parameters["A"]))


def test_random_sequences() -> None:
    rng = random.Random(2)
    for _ in range(40):
        n = rng.randint(1, 9)
        values = rng.sample(range(1, 2 * n + 8), n)
        assert TASK.solve({"A": values}) == count_by_listing(values)


def test_hand_example_and_rewards() -> None:
    # 7 ⊇ 3 ⊇ 1 and 7 ⊇ 1, 3 ⊇ 1, 5 ⊇ 1, 7 ⊇ 5: {7,3},{7,1},{3,1},{7,3,1},{5,1},{7,5},{7,5,1} (order 7 5 3 1)
    parameters = {"A": [7, 5, 3, 1]}
    assert TASK.solve(parameters) == 7
    assert TASK.score(parameters, "7").reward == 1.0
    assert TASK.score(parameters, "-7").reward == -1.0
    assert TASK.score(parameters, "0").reward == 0.0
    assert TASK.score({"A": [1, 2]}, "0").reward == 1.0
