"""GCDFibonacciProduct: the gcd-class product against a direct double loop with exact Fibonacci numbers."""

from __future__ import annotations

import math
import random

from rlve_gym.envs.math.gcd_fibonacci_product import GCDFibonacciProduct, pairs_by_gcd

TASK = GCDFibonacciProduct()


def fibonacci(k: int) -> int:
    a, b = 0, 1
    for _ in range(k):
        a, b = b, a + b
    return a


def product_by_loop(n: int, m: int, modulus: int) -> int:
    product = 1
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            product = product * fibonacci(math.gcd(i, j)) % modulus
    return product


def test_reference_matches_double_loop() -> None:
    for difficulty in (0, 1, 2, 3, 4):
        for seed in range(5):
            problem = TASK.generate(seed, difficulty)
            n, m, modulus = (problem.parameters[key] for key in ("N", "M", "MOD"))
            assert int(problem.reference_answer) == product_by_loop(n, m, modulus)


def test_pairs_by_gcd_matches_loop() -> None:
    rng = random.Random(4)
    for _ in range(10):
        n, m = rng.randint(1, 40), rng.randint(1, 40)
        counts = [0] * (min(n, m) + 1)
        for i in range(1, n + 1):
            for j in range(1, m + 1):
                counts[math.gcd(i, j)] += 1
        assert pairs_by_gcd(n, m) == counts


def test_hand_example_and_rewards() -> None:
    parameters = {"N": 3, "M": 3, "MOD": 998244353}
    assert TASK.solve(parameters) == 2  # only (3, 3) contributes F(3) = 2
    assert TASK.solve({"N": 4, "M": 4, "MOD": 998244353}) == 2 * 3  # F(3) from (3, 3), F(4) = 3 from (4, 4)
    parameters["product"] = 2
    assert TASK.score(parameters, "2").reward == 1.0
    assert TASK.score(parameters, "3").reward == 0.0
    assert TASK.score(parameters, "998244355").reward == -0.5
