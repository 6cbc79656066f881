"""CantorExpansion: the rank formula against listing the distinct permutations."""

import itertools
import random

from rlve_gym.core.registry import get_task
from rlve_gym.envs.counting.cantor_expansion import smaller_permutations

TASK = get_task("CantorExpansion")


def _rank_by_listing(values: list[int]) -> int:
    return sum(p < tuple(values) for p in set(itertools.permutations(values)))


def test_rank_matches_listing():
    for difficulty in (0, 1, 2, 3):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            values, modulus = problem.parameters["A"], problem.parameters["MOD"]
            assert int(problem.reference_answer) == _rank_by_listing(values) % modulus
    rng = random.Random(2)
    for _ in range(20):
        values = [rng.randint(1, 3) for _ in range(rng.randint(1, 7))]
        assert smaller_permutations(values) == _rank_by_listing(values)


def test_hand_example_and_rewards():
    assert smaller_permutations([1, 2, 1]) == 1  # 112 < 121 < 211
    assert smaller_permutations([3, 2, 1]) == 5
    parameters = {"A": [3, 2, 1], "MOD": 4}
    assert TASK.score(parameters, "1").reward == 1.0
    assert TASK.score(parameters, "5").reward == -0.5
    assert TASK.score(parameters, "0").reward == 0.0
