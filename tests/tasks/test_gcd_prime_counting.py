"""GCDPrime_Counting: the exact-gcd sieve against checking every pair."""

from __future__ import annotations

import math

import pytest
import sympy

from rlve_gym.envs.counting.gcd_prime_counting import GCDPrime_Counting

TASK = GCDPrime_Counting()


def count_by_pairs(n: int, m: int) -> int:
    return sum(sympy.isprime(math.gcd(x, y)) for x in range(1, n + 1) for y in range(1, m + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_pairs(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        expected = count_by_pairs(problem.parameters["N"], problem.parameters["M"])
        assert problem.reference_answer == str(expected)


def test_all_small_boxes() -> None:
    for n in range(1, 16):
        for m in range(1, 16):
            assert TASK.solve({"N": n, "M": m}) == count_by_pairs(n, m), (n, m)


def test_hand_example_and_rewards() -> None:
    parameters = {"N": 4, "M": 4}  # gcd 2: (2,2) (2,4) (4,2); gcd 3: (3,3)
    assert TASK.solve(parameters) == 4
    assert TASK.score(parameters, "4").reward == 1.0
    assert TASK.score(parameters, "2").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "-4").reward == -1.0
