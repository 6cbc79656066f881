"""DecreasingDigitCounting: the binomial closed form against listing digit sets and listing integers."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.counting.decreasing_digit_counting import DecreasingDigitCounting, increasing_digit_numbers

TASK = DecreasingDigitCounting()


def count_by_digit_sets(digit_bits: int, width: int) -> int:
    """Every strictly increasing digit string with a nonzero leading digit, as a number."""
    base = 1 << digit_bits
    total = 0
    for size in range(2, base):
        for digits in itertools.combinations(range(1, base), size):
            value = 0
            for digit in digits:
                value = value * base + digit
            total += value.bit_length() <= width
    return total


def count_by_integers(digit_bits: int, width: int) -> int:
    base, total = 1 << digit_bits, 0
    for number in range(1, 1 << width):
        digits = []
        while number:
            number, digit = divmod(number, base)
            digits.append(digit)
        total += len(digits) >= 2 and all(a > b for a, b in itertools.pairwise(digits))  # digits[0] is the last
    return total


def test_integers_for_small_widths() -> None:
    for digit_bits in (2, 3, 4):
        for width in range(1, 15):
            assert increasing_digit_numbers(digit_bits, width) == count_by_integers(digit_bits, width)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_digit_sets(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        k, width = problem.parameters["K"], problem.parameters["W"]
        assert problem.reference_answer == str(count_by_digit_sets(k, width))


def test_every_width_for_k_up_to_4() -> None:
    for digit_bits in (2, 3, 4):
        for width in range(digit_bits + 1, (digit_bits << digit_bits) + 1, 3):
            assert increasing_digit_numbers(digit_bits, width) == count_by_digit_sets(digit_bits, width)


def test_hand_example_and_rewards() -> None:
    parameters = {"K": 2, "W": 4}  # base 4, ≤ 4 bits: 12 13 23 (base 4) = 6 7 11
    assert TASK.solve(parameters) == 3
    assert TASK.score(parameters, "3").reward == 1.0
    assert TASK.score(parameters, "6").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "-3").reward == -1.0


def test_answers_stay_parsable_at_high_difficulty() -> None:
    for seed in range(4):
        problem = TASK.generate(seed, 30)
        assert len(problem.reference_answer) <= 4000
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0
