"""SumGCD, SumLCM, SumMOD: the block formulas against double loops."""

import math
import random

from rlve_gym.core.registry import get_task
from rlve_gym.envs.math.sum_gcd import gcd_power_sum
from rlve_gym.envs.math.sum_lcm import lcm_sum
from rlve_gym.envs.math.sum_mod import remainder_product_sum

SUM_GCD, SUM_LCM, SUM_MOD = get_task("SumGCD"), get_task("SumLCM"), get_task("SumMOD")


def _gcd_sum_by_loop(n, m, k):
    return sum(math.gcd(i, j) ** k for i in range(1, n + 1) for j in range(1, m + 1))


def _lcm_sum_by_loop(n, m):
    return sum(math.lcm(i, j) for i in range(1, n + 1) for j in range(1, m + 1))


def _mod_sum_by_loop(n, m):
    return sum((n % i) * (m % j) for i in range(1, n + 1) for j in range(1, m + 1) if i != j)


def test_generated_instances_match_loops():
    for difficulty in (0, 1, 2, 4):
        for seed in range(5):
            p = SUM_GCD.generate(seed, difficulty).parameters
            assert SUM_GCD.solve(p) == _gcd_sum_by_loop(p["N"], p["M"], p["K"])
            p = SUM_LCM.generate(seed, difficulty).parameters
            assert SUM_LCM.solve(p) == _lcm_sum_by_loop(p["N"], p["M"])
            p = SUM_MOD.generate(seed, difficulty).parameters
            assert SUM_MOD.solve(p) == _mod_sum_by_loop(p["N"], p["M"])


def test_larger_values_exercise_the_sublinear_recursion():
    rng = random.Random(7)
    for _ in range(4):
        n, m = rng.randint(60, 160), rng.randint(60, 160)
        k = rng.randint(1, 5)
        assert gcd_power_sum(n, m, k) == _gcd_sum_by_loop(n, m, k)
        assert lcm_sum(n, m) == _lcm_sum_by_loop(n, m)
        assert remainder_product_sum(n, m) == _mod_sum_by_loop(n, m)


def test_hand_examples_and_rewards():
    assert gcd_power_sum(2, 2, 2) == 1 + 1 + 1 + 4
    assert lcm_sum(2, 3) == (1 + 2 + 3) + (2 + 2 + 6)
    assert remainder_product_sum(3, 3) == 0  # only i = j = 2 is non-zero, and it is excluded
    assert remainder_product_sum(3, 4) == 1 * (4 % 3)  # i = 2 (3 mod 2 = 1) with j = 3 (4 mod 3 = 1)
    assert SUM_MOD.score({"N": 3, "M": 3}, "0").reward == 1.0
    assert SUM_MOD.score({"N": 3, "M": 3}, "1").reward == 0.0
    assert SUM_MOD.score({"N": 3, "M": 3}, "-1").reward == -1.0
    assert SUM_GCD.score({"N": 2, "M": 2, "K": 2}, "7").reward == 1.0
    assert abs(SUM_GCD.score({"N": 2, "M": 2, "K": 2}, "8").reward - (7 / 8) ** 10) < 1e-12
    assert SUM_LCM.score({"N": 2, "M": 3}, "0").reward == -1.0
