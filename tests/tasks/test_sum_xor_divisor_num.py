"""SumXorDivisorNum: the aligned-block decomposition against the direct double sum."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.math.sum_xor_divisor_num import SumXorDivisorNum, aligned_blocks

TASK = SumXorDivisorNum()


def divisors(value: int) -> int:
    return sum(value % k == 0 for k in range(1, value + 1))


def brute_force(n: int, m: int, x: int) -> int:
    return sum(divisors(i ^ j ^ x) for i in range(n + 1) for j in range(m + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3, 4])
def test_generated_instances_match_double_sum(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["N"], p["M"], p["X"]))


def test_random_cases() -> None:
    rng = random.Random(14)
    for _ in range(30):
        n, m, x = rng.randint(0, 20), rng.randint(0, 20), rng.randint(0, 40)
        assert TASK.solve({"N": n, "M": m, "X": x}) == brute_force(n, m, x), (n, m, x)


def test_blocks_partition_the_range() -> None:
    for limit in range(0, 70):
        covered = sorted(v for start, bits in aligned_blocks(limit) for v in range(start, start + (1 << bits)))
        assert covered == list(range(limit))


def test_hand_examples() -> None:
    # i, j ∈ {0, 1}, X = 0: XORs 0, 1, 1, 0 → d = 0 + 1 + 1 + 0
    assert TASK.solve({"N": 1, "M": 1, "X": 0}) == 2
    assert TASK.score({"N": 1, "M": 1, "X": 0}, "2").reward == 1.0
    assert TASK.score({"N": 1, "M": 1, "X": 0}, "-2").reward == -1.0
