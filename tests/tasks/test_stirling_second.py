"""StirlingSecond: inclusion–exclusion against enumeration and the Stirling recurrence."""

import itertools
import math

from rlve_gym.core.registry import get_task
from rlve_gym.envs.counting.stirling_second import MODULUS

TASK = get_task("StirlingSecond")


def _surjections_by_enumeration(balls: int, boxes: int) -> int:
    return sum(len(set(f)) == boxes for f in itertools.product(range(boxes), repeat=balls))


def _surjections_by_recurrence(balls: int, boxes: int) -> int:
    stirling = [[0] * (boxes + 1) for _ in range(balls + 1)]
    stirling[0][0] = 1
    for n in range(1, balls + 1):
        for k in range(1, boxes + 1):
            stirling[n][k] = k * stirling[n - 1][k] + stirling[n - 1][k - 1]
    return math.factorial(boxes) * stirling[balls][boxes]


def test_formula_matches_enumeration_and_recurrence():
    for balls in range(2, 8):
        for boxes in range(2, min(balls, 4) + 1):
            expected = _surjections_by_enumeration(balls, boxes)
            assert _surjections_by_recurrence(balls, boxes) == expected
            assert TASK.solve({"N": balls, "R": boxes}) == expected % MODULUS
    for difficulty in (0, 1, 2, 10):
        for seed in range(8):
            p = TASK.generate(seed, difficulty).parameters
            assert TASK.solve(p) == _surjections_by_recurrence(p["N"], p["R"]) % MODULUS


def test_hand_example_and_rewards():
    parameters = {"N": 3, "R": 2}  # 2^3 - 2 = 6
    assert TASK.solve(parameters) == 6
    assert TASK.score(parameters, "6").reward == 1.0
    assert TASK.score(parameters, "8").reward == 0.0
    assert TASK.score(parameters, str(MODULUS)).reward == -0.5
