"""MaxMultiplicationFixedSum: the closed form against a DP over every first part."""

from __future__ import annotations

import functools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.math.max_multiplication_fixed_sum import MaxMultiplicationFixedSum, largest_product

TASK = MaxMultiplicationFixedSum()


@functools.cache
def best_product(total: int) -> int:
    """Largest product over all compositions of `total` (a single part allowed)."""
    return max([total] + [first * best_product(total - first) for first in range(1, total)])


def test_closed_form_matches_dp() -> None:
    for total in range(2, 120):
        assert largest_product(total) == best_product(total)
        assert largest_product(total, 1_000_003) == best_product(total) % 1_000_003


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5, 10])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        total = problem.parameters["N"]
        assert problem.parameters["modulus"] is None  # written out in full through d = 11
        expected = best_product(total) if total < 120 else largest_product(total)
        assert int(problem.reference_answer) == expected


def test_modular_regime_and_scoring() -> None:
    p = {"N": 10, "modulus": None}
    assert TASK.score(p, "36").reward == 1.0
    assert TASK.score(p, "35").reward == 0.0
    p = {"N": 1001, "modulus": 1_000_000_007}
    assert TASK.score(p, str(2 * pow(3, 333, 1_000_000_007) % 1_000_000_007)).reward == 1.0  # 1001 = 3·333 + 2
    assert TASK.score(p, "1000000007").reward == rewards.INVALID_SOLUTION
    for seed in range(20):
        parameters = TASK.generate(seed, 14).parameters
        assert (parameters["modulus"] is not None) == (parameters["N"] >= 1000)
