"""GoldWashing: the digit DP and pair heap against enumerating every x and every (a, b)."""

from __future__ import annotations

import math
import random
from collections import Counter

from rlve_gym.envs.counting.gold_washing import GoldWashing, digit_product_counts, largest_pair_products

TASK = GoldWashing()


def digit_product(x: int) -> int:
    return math.prod(map(int, str(x)))


def top_sum_by_enumeration(n: int, k: int) -> int:
    counts = Counter(digit_product(x) for x in range(1, n + 1))
    values = sorted((counts[a] * counts[b] for a in range(1, n + 1) for b in range(1, n + 1)), reverse=True)
    return sum(values[:k])


def test_reference_matches_enumeration() -> None:
    for difficulty in (0, 1, 2, 5, 10):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            n, k = problem.parameters["N"], problem.parameters["K"]
            assert int(problem.reference_answer) == top_sum_by_enumeration(n, k)


def test_digit_dp_matches_enumeration_on_awkward_bounds() -> None:
    rng = random.Random(8)
    bounds = [1, 9, 10, 11, 99, 100, 101, 109, 110, 999, 1000, 1203, 2090] + [rng.randint(1, 30000) for _ in range(6)]
    for n in bounds:
        expected = Counter(digit_product(x) for x in range(1, n + 1))
        del expected[0]
        assert digit_product_counts(n) == expected, n


def test_heap_matches_sorting_all_products() -> None:
    rng = random.Random(2)
    for _ in range(30):
        values = [rng.randint(0, 9) for _ in range(rng.randint(1, 6))]
        products = sorted((a * b for a in values for b in values), reverse=True)
        for k in range(1, len(products) + 3):
            assert largest_pair_products(values, k) == sum(products[:k])


def test_hand_example_and_rewards() -> None:
    # N = 12: products 1 (x = 1, 11), 2 (x = 2, 12), 3..9 once each; the largest g values are 2·2 four times
    assert TASK.solve({"N": 12, "K": 4}) == 16
    assert TASK.solve({"N": 12, "K": 5}) == 18
    parameters = {"N": 12, "K": 4, "total": 16}
    assert TASK.score(parameters, "16").reward == 1.0
    assert TASK.score(parameters, "0").reward == -1.0
    assert abs(TASK.score(parameters, "20").reward - 0.8**10) < 1e-12
