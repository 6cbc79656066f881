"""PowerCycle: the order-based length against scanning L = 1, 2, … directly."""

from __future__ import annotations

import pytest

from rlve_gym.envs.math.power_cycle import PowerCycle

TASK = PowerCycle()


def cycle_by_scanning(n: int, k: int) -> int | None:
    modulus = 10**k
    target, power = n % modulus, n % modulus
    for length in range(1, 4 * modulus + 1):
        power = power * n % modulus
        if power == target:
            return length
    return None


def test_scanning_agrees_on_all_small_cases() -> None:
    for k in (1, 2):
        for n in range(1, 400):
            assert TASK.solve({"N": n, "K": k}) == cycle_by_scanning(n, k), (n, k)
    for n in range(1, 3000, 7):
        assert TASK.solve({"N": n, "K": 3}) == cycle_by_scanning(n, 3), n


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_scanning(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        if p["K"] <= 4:
            assert problem.reference_answer == str(cycle_by_scanning(p["N"], p["K"]))


def test_hand_examples_and_rewards() -> None:
    assert TASK.solve({"N": 2, "K": 1}) == 4
    assert TASK.solve({"N": 2, "K": 2}) is None  # 2 never comes back modulo 100
    assert TASK.solve({"N": 100, "K": 2}) == 1
    p = {"N": 2, "K": 1}
    assert TASK.score(p, "4").reward == 1.0
    assert TASK.score(p, "8").reward == 0.5
    assert TASK.score(p, "6").reward == 0.0
    assert TASK.score(p, "0").reward == -1.0
    assert TASK.score(p, "-4").reward == -1.0
