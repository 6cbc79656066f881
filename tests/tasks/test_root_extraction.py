"""RootExtraction: the float root against integer bisection, and the documented tolerance band."""

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.registry import get_task
from rlve_gym.envs.math.root_extraction import TOLERANCE

TASK = get_task("RootExtraction")


def _root_to_six_decimals(n: int, k: int) -> float:
    """⌊N^(1/K)·10^6⌋/10^6 by integer bisection: r^K ≤ N·10^(6K)."""
    scaled_target = n * 10 ** (6 * k)
    low, high = 0, 10**6 * (n + 1)
    while low < high:
        middle = (low + high + 1) // 2
        if middle**k <= scaled_target:
            low = middle
        else:
            high = middle - 1
    return low / 10**6


def test_reference_matches_integer_bisection():
    for difficulty in (0, 1, 2, 6, 10):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            n, k = problem.parameters["N"], problem.parameters["K"]
            assert abs(float(problem.reference_answer) - _root_to_six_decimals(n, k)) < 6e-6


def test_tolerance_band_and_rewards():
    parameters = {"N": 2, "K": 2}  # 1.41421
    assert TASK.score(parameters, "1.41421").reward == 1.0
    assert TASK.score(parameters, "1.4142135623").reward == 1.0
    assert TASK.score(parameters, "1.41430").accuracy == 1  # 0.9e-4 away
    near_miss = TASK.score(parameters, "1.41433")  # 1.2e-4 away
    assert near_miss.accuracy == 0 and abs(near_miss.reward - (1 / (1 + 1.2e-4)) ** 2) < 1e-9
    assert TASK.score(parameters, "2").reward == (1 / (1 + (2 - 1.41421))) ** 2
    assert TOLERANCE == 1e-4
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "sqrt(2)")
