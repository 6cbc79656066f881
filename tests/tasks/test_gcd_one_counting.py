"""GCDOne_Counting and the Möbius helpers: sublinear sums against direct loops."""

import math
import random

from rlve_gym.core.registry import get_task
from rlve_gym.envs.common.multiplicative import MobiusPrefix, coprime_pair_count, mobius_sieve, power_sum

TASK = get_task("GCDOne_Counting")


def _coprime_pairs_by_loop(n: int, m: int) -> int:
    return sum(math.gcd(x, y) == 1 for x in range(1, n + 1) for y in range(1, m + 1))


def test_solver_matches_double_loop_on_generated_instances():
    for difficulty in (0, 1, 2, 5):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            n, m = problem.parameters["N"], problem.parameters["M"]
            assert int(problem.reference_answer) == _coprime_pairs_by_loop(n, m)


def test_sublinear_recursion_matches_loop_beyond_the_sieve():
    rng = random.Random(3)
    for _ in range(8):
        n, m = rng.randint(100, 400), rng.randint(100, 400)
        assert coprime_pair_count(n, m) == _coprime_pairs_by_loop(n, m)


def test_mobius_prefix_and_power_sums():
    mobius = mobius_sieve(3000)
    for k in (0, 1, 2, 5):
        prefix = MobiusPrefix(k, 50)  # tiny sieve: values above ~16 use the recursion
        running = 0
        for n in range(1, 3001):
            running += mobius[n] * n**k
            if n % 97 == 0 or n < 40:
                assert prefix(n) == running, (k, n)
    for k in range(8):
        for n in (0, 1, 2, 7, 30):
            assert power_sum(n, k) == sum(i**k for i in range(1, n + 1))


def test_hand_examples_and_rewards():
    assert TASK.solve({"N": 2, "M": 2}) == 3  # (1,1) (1,2) (2,1)
    assert TASK.solve({"N": 3, "M": 4}) == 9
    parameters = {"N": 3, "M": 4}
    assert TASK.score(parameters, "9").reward == 1.0
    assert TASK.score(parameters, "0").reward == -1.0
    assert abs(TASK.score(parameters, "10").reward - 0.9**10) < 1e-12
