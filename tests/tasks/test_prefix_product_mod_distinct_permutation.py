"""PrefixProductMODDistinctPermutation: existence by exhaustive search for small N; the construction checked."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.math.prefix_product_mod_distinct_permutation import PrefixProductMODDistinctPermutation

TASK = PrefixProductMODDistinctPermutation()


def distinct_prefix_products(permutation: list[int], n: int) -> int:
    products, product = set(), 1
    for value in permutation:
        product = product * value % n
        products.add(product)
    return len(products)


def test_solutions_exist_exactly_for_primes_and_four() -> None:
    for n in range(2, 9):
        exists = any(distinct_prefix_products(list(p), n) == n for p in itertools.permutations(range(1, n + 1)))
        assert exists == (n in (2, 3, 4, 5, 7))


def test_construction_for_every_admissible_n() -> None:
    for n in [4, *(p for p in range(3, 400) if all(p % d for d in range(2, p)))]:
        permutation = TASK.solve({"N": n})
        assert sorted(permutation) == list(range(1, n + 1))
        assert distinct_prefix_products(permutation, n) == n


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_generated_n_is_admissible(difficulty: int) -> None:
    for seed in range(6):
        n = TASK.generate(seed, difficulty).parameters["N"]
        assert n == 4 or all(n % d for d in range(2, n))


def test_rewards() -> None:
    p = {"N": 5}
    assert TASK.score(p, "1 2 4 3 5").reward == 1.0  # prefix products 1 2 3 4 0
    assert TASK.score(p, "1 2 3 4 5").reward == pytest.approx((4 / 5) ** 10)  # 1 2 1 4 0
    assert TASK.score(p, "1 2 3 4").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "1 2 3 4 4").reward == rewards.INVALID_SOLUTION
