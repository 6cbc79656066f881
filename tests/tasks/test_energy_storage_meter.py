"""EnergyStorageMeter: the block decomposition against the double loop."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.math.energy_storage_meter import EnergyStorageMeter, xor_excess_total

TASK = EnergyStorageMeter()


def total_by_loops(n: int, m: int, k: int) -> int:
    return sum(max((i ^ j) - k, 0) for i in range(n) for j in range(m))


def test_every_small_rectangle() -> None:
    for n in range(0, 18):
        for m in range(0, 18):
            for k in (0, 1, 3, 7, 8, 20, 40):
                assert xor_excess_total(n, m, k) == total_by_loops(n, m, k), (n, m, k)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_loops(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(total_by_loops(p["N"], p["M"], p["K"]))


def test_large_values_and_rewards() -> None:
    rng = random.Random(3)
    for _ in range(5):
        n, m, k = rng.randint(100, 300), rng.randint(100, 300), rng.randint(0, 400)
        assert xor_excess_total(n, m, k) == total_by_loops(n, m, k)
    parameters = {"N": 2, "M": 2, "K": 0}  # XORs 0, 1, 1, 0
    assert TASK.solve(parameters) == 2
    assert TASK.score(parameters, "2").reward == 1.0
    assert TASK.score(parameters, "1").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "0").reward == 0.0
    assert TASK.score(parameters, "-2").reward == -1.0
    assert TASK.score({"N": 2, "M": 2, "K": 5}, "0").reward == 1.0
