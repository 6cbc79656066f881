"""DerangementExtension: binomial times derangements against counting fixed points of every permutation."""

from __future__ import annotations

import itertools
import random

import pytest
import sympy

from rlve_gym.envs.common.numbers import is_prime, random_prime
from rlve_gym.envs.counting.derangement_extension import DerangementExtension

TASK = DerangementExtension()


def count_by_listing(n: int, fixed: int) -> int:
    return sum(sum(p[i] == i for i in range(n)) == fixed for p in itertools.permutations(range(n)))


def test_every_n_up_to_7() -> None:
    for n in range(0, 8):
        for fixed in range(n + 1):
            exact = count_by_listing(n, fixed)
            assert TASK.solve({"N": n, "M": fixed, "MOD": 10**9 + 7}) == exact, (n, fixed)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(count_by_listing(p["N"], p["M"]) % p["MOD"])


def test_large_n_modulo_and_rewards() -> None:
    # D(20) = 895014631192902121
    assert TASK.solve({"N": 20, "M": 0, "MOD": 998244353}) == 895014631192902121 % 998244353
    parameters = {"N": 5, "M": 2, "MOD": 998244353}  # C(5, 2) · D(3) = 10 · 2
    assert TASK.score(parameters, "20").reward == 1.0
    assert TASK.score(parameters, "21").reward == 0.0
    assert TASK.score(parameters, "-1").reward == -0.5


def test_moduli_are_primes_in_range() -> None:
    rng = random.Random(0)
    assert all(is_prime(n) == sympy.isprime(n) for n in range(20_000))
    assert all(is_prime(n) == sympy.isprime(n) for n in (rng.randint(10**8, 10**12) for _ in range(2000)))
    assert not is_prime(3_215_031_751)  # a strong pseudoprime to bases 2, 3, 5 and 7
    assert not is_prime(3_825_123_056_546_413_051)  # a strong pseudoprime to the first nine prime bases
    assert is_prime(2**61 - 1) and is_prime(10**18 + 9)
    for _ in range(50):
        prime = random_prime(rng, 600_000_000, 1_000_000_007)
        assert 600_000_000 <= prime <= 1_000_000_007 and sympy.isprime(prime)
