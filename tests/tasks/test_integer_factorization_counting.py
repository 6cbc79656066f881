"""IntegerFactorizationCounting: the divisor knapsack against listing every set of factors."""

from __future__ import annotations

import math

import pytest

from rlve_gym.envs.counting.integer_factorization_counting import IntegerFactorizationCounting

TASK = IntegerFactorizationCounting()


def factor_sets(n: int, smallest: int = 2) -> list[tuple[int, ...]]:
    """All strictly increasing tuples of factors ≥ `smallest` with product n (n itself included as a 1-tuple)."""
    sets = [(n,)] if n >= smallest else []
    for factor in range(smallest, math.isqrt(n) + 1):
        if n % factor == 0:
            sets += [(factor, *rest) for rest in factor_sets(n // factor, factor + 1)]
    return sets


def brute_force(n: int) -> int:
    sets = factor_sets(n)
    assert all(math.prod(s) == n and len(set(s)) == len(s) for s in sets)
    return sum(len(s) >= 2 for s in sets)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4, 6])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(brute_force(problem.parameters["N"]))


def test_every_n_up_to_400() -> None:
    for n in range(4, 401):
        assert TASK.solve({"N": n}) == brute_force(n), n


def test_hand_examples() -> None:
    assert TASK.solve({"N": 688}) == 6  # 2·4·86, 2·8·43, 2·344, 4·172, 8·86, 16·43
    assert TASK.solve({"N": 24}) == 4
    assert TASK.solve({"N": 4}) == 0  # 2·2 repeats a factor
    assert TASK.score({"N": 4}, "0").reward == 1.0
    assert TASK.score({"N": 4}, "1").reward == 0.0
    assert TASK.score({"N": 24}, "-1").reward == -1.0
