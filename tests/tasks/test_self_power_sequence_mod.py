"""SelfPowerSequenceMOD: Euler's theorem against the tower evaluated through the observed cycle of powers of 2."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.math.self_power_sequence_mod import SelfPowerSequenceMOD, euler_phi, tower_limit

TASK = SelfPowerSequenceMOD()
EXACT = [1, 2, 4, 16, 65536]  # a[0..4]


def power_cycle(modulus: int) -> tuple[int, int]:
    """(start, length) of the eventual cycle of 2^0, 2^1, ... mod `modulus`, found by listing the powers."""
    seen: dict[int, int] = {}
    value, k = 1 % modulus, 0
    while value not in seen:
        seen[value] = k
        value, k = value * 2 % modulus, k + 1
    return seen[value], k - seen[value]


def tower_mod(index: int, modulus: int) -> int:
    """a[index] mod `modulus`, with no use of Euler's theorem."""
    if index < len(EXACT):
        return EXACT[index] % modulus
    start, length = power_cycle(modulus)
    # a[index - 1] ≥ 65536 exceeds the start of the cycle, so only its residue modulo the cycle length matters
    residue = tower_mod(index - 1, length)
    return pow(2, start + (residue - start) % length, modulus)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_limit_matches_direct_evaluation(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        modulus = problem.parameters["MOD"]
        assert problem.reference_answer == str(tower_mod(12, modulus)) == str(tower_mod(13, modulus))


def test_every_small_modulus() -> None:
    for modulus in range(1, 300):
        assert tower_limit(modulus) == tower_mod(12, modulus)
    assert [euler_phi(n) for n in range(1, 13)] == [1, 1, 2, 2, 4, 2, 6, 4, 6, 4, 10, 4]


def test_hand_examples_and_range() -> None:
    assert tower_limit(3) == 1  # 2^even ≡ 1 (mod 3)
    assert tower_limit(10) == 6  # 2^(multiple of 4) ends in 6
    assert TASK.score({"MOD": 10}, "6").reward == 1.0
    assert TASK.score({"MOD": 10}, "4").reward == 0.0
    assert TASK.score({"MOD": 10}, "10").reward == rewards.INVALID_SOLUTION
