"""SubsequenceReversalLNDS: the interval DP against trying every index set to reverse."""

import random
from bisect import bisect_right

from rlve_gym.core.registry import get_task
from rlve_gym.envs.algorithmic.subsequence_reversal_lnds import longest_after_reversal

TASK = get_task("SubsequenceReversalLNDS")


def _longest_non_decreasing(values: list[int]) -> int:
    tails: list[int] = []
    for v in values:
        position = bisect_right(tails, v)
        tails[position : position + 1] = [v]
    return len(tails)


def _best_by_enumeration(values: list[int]) -> int:
    n = len(values)
    best = 0
    for mask in range(1, 1 << n):
        indices = [i for i in range(n) if mask >> i & 1]
        result = list(values)
        for i, j in zip(indices, reversed(indices)):
            result[i] = values[j]
        best = max(best, _longest_non_decreasing(result))
    return best


def test_dp_matches_enumeration():
    for difficulty in (0, 1, 2):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            assert int(problem.reference_answer) == _best_by_enumeration(problem.parameters["A"])
    rng = random.Random(5)
    for _ in range(30):
        values = [rng.randint(1, 5) for _ in range(rng.randint(1, 9))]
        assert longest_after_reversal(values) == _best_by_enumeration(values), values


def test_hand_examples_and_rewards():
    assert longest_after_reversal([4, 3, 2, 1]) == 4
    assert longest_after_reversal([2, 2, 1, 1]) == 4  # reverse all: 1 1 2 2
    assert longest_after_reversal([3, 1, 2]) == 2  # sorting needs a 3-cycle; a reversal only swaps pairs
    parameters = {"A": [4, 3, 2, 1]}
    assert TASK.score(parameters, "4").reward == 1.0
    assert TASK.score(parameters, "3").reward == 0.0
