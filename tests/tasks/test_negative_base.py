"""NegativeBase: the conversion against searching all digit strings."""

import itertools

from rlve_gym.core.registry import get_task
from rlve_gym.envs.math.negative_base import negative_base_digits

TASK = get_task("NegativeBase")


def _value(digits, radix: int) -> int:
    total = 0
    for digit in digits:
        total = total * -radix + digit
    return total


def test_conversion_matches_search():
    # these lengths cover every value in [-40, 40] in each base
    for radix, max_length in ((2, 8), (3, 7), (5, 5)):
        representations = {}
        for length in range(1, max_length + 1):
            for digits in itertools.product(range(radix), repeat=length):
                if digits[0]:
                    representations.setdefault(_value(digits, radix), []).append(list(digits))
        for value in range(-40, 41):
            if value:
                assert representations[value] == [negative_base_digits(value, radix)]  # unique, and ours


def test_generated_instances_round_trip():
    for difficulty in (0, 1, 2, 8):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            digits = list(map(int, problem.reference_answer.split()))
            radix = problem.parameters["R"]
            assert digits[0] != 0 and all(0 <= d < radix for d in digits)
            assert _value(digits, radix) == problem.parameters["N"]


def test_hand_example_and_rewards():
    parameters = {"N": -15, "R": 2}
    assert TASK.solve(parameters) == [1, 1, 0, 0, 0, 1]
    assert TASK.score(parameters, "1 1 0 0 0 1").reward == 1.0
    assert TASK.score(parameters, "1 1 0 0 1 1").reward == 5 / 6
    assert TASK.score(parameters, "1 1 0 1").reward == 0.0
