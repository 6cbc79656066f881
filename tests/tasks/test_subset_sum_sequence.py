"""SubsetSumSequence: the binary-digits formula against listing all sums of distinct powers."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.math.subset_sum_sequence import SubsetSumSequence, is_power_sum, nth_power_sum

TASK = SubsetSumSequence()


def brute_sequence(base: int, count: int) -> list[int]:
    powers = [base**e for e in range(count.bit_length() + 1)]
    sums = {sum(c) for k in range(1, len(powers) + 1) for c in itertools.combinations(powers, k)}
    return sorted(sums)[:count]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        n, k = problem.parameters["N"], problem.parameters["K"]
        assert 1 <= n <= 3 * 2**difficulty and 2 <= k <= difficulty + 2
        assert int(problem.reference_answer) == brute_sequence(k, n)[-1]


def test_formula_and_digit_check() -> None:
    for base in (2, 3, 7):
        sequence = brute_sequence(base, 40)
        assert [nth_power_sum(n, base) for n in range(1, 41)] == sequence
        members = set(sequence)
        assert all(is_power_sum(v, base) == (v in members) for v in range(1, sequence[-1] + 1))
    assert is_power_sum(3**200 + 3**5 + 1, 3) and not is_power_sum(2 * 3**150, 3)
    assert is_power_sum(int("9" * 4000), 2) and not is_power_sum(int("9" * 4000), 3)


def test_hand_example_and_shaping() -> None:
    parameters = {"N": 5, "K": 3}  # 1, 3, 4, 9, 10
    assert nth_power_sum(5, 3) == 10
    assert TASK.score(parameters, "10").reward == 1.0
    assert TASK.score(parameters, "9").reward == pytest.approx((9 / 10) ** 2)
    assert TASK.score(parameters, "11").reward == 0.0  # 11 = 102 in base 3
    for malformed in ("0", "-10"):
        with pytest.raises(AnswerFormatError):
            TASK.score(parameters, malformed)
