"""PairMoreOneCounting: the Lucas-based closed form against enumerating strings and summing binomials exactly."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from rlve_gym.envs.counting.pair_more_one_counting import PairMoreOneCounting, _binomial_mod

TASK = PairMoreOneCounting()


def pairs_by_listing(m: int, delta: int) -> int:
    ones_s = [sum(bits) for bits in itertools.product((0, 1), repeat=m + delta)]
    ones_t = [sum(bits) for bits in itertools.product((0, 1), repeat=m)]
    return sum(a > b for a in ones_s for b in ones_t)


def pairs_by_counts(m: int, delta: int) -> int:
    n = m + delta
    return sum(math.comb(n, a) * math.comb(m, b) for a in range(n + 1) for b in range(min(a, m + 1)))


def test_listing_agrees_with_count_formula() -> None:
    for m in range(1, 6):
        for delta in range(0, 4):
            assert pairs_by_listing(m, delta) == pairs_by_counts(m, delta)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_exact_count(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(pairs_by_counts(p["M"], p["delta"]) % 10 ** p["K"])


def test_small_cases_all_moduli() -> None:
    for m in range(1, 30, 3):
        for delta in range(0, 12):
            exact = pairs_by_counts(m, delta)
            for k in range(1, 6):
                assert TASK.solve({"M": m, "delta": delta, "K": k}) == exact % 10**k


def test_binomials_modulo_prime_powers() -> None:
    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(0, 3000)
        r = rng.randint(0, n)
        k = rng.randint(1, 5)
        assert _binomial_mod(n, r, k) == math.comb(n, r) % (2 * 10**k)


def test_huge_m_is_fast_and_rewards() -> None:
    value = TASK.solve({"M": 10**15, "delta": 7, "K": 5})
    assert 0 <= value < 10**5
    p = {"M": 1, "delta": 0, "K": 1}  # (S, T) of length 1: only S=1, T=0
    assert TASK.solve(p) == 1
    assert TASK.score(p, "1").reward == 1.0
    assert TASK.score(p, "2").reward == 0.0
    assert TASK.score(p, "10").reward == -0.5
