"""PolynomialFactorization: expansion and root recovery against direct evaluation of the product."""

import random

from rlve_gym.core.registry import get_task
from rlve_gym.envs.math.polynomial_factorization import expand_roots

TASK = get_task("PolynomialFactorization")


def _evaluate(coefficients: list[int], x: int) -> int:
    return sum(c * x**i for i, c in enumerate(coefficients))


def test_expansion_and_recovered_roots():
    rng = random.Random(4)
    for difficulty in (0, 1, 2, 7):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            roots = list(map(int, problem.reference_answer.split()))
            coefficients = problem.parameters["coefficients"]
            for _ in range(5):
                x = rng.randint(-50, 50)
                product = 1
                for root in roots:
                    product *= x - root
                assert _evaluate(coefficients, x) == product
            assert sorted(TASK.solve(problem.parameters)) == sorted(roots)


def test_hand_example_and_rewards():
    assert expand_roots([1, 2, 3]) == [-6, 11, -6, 1]
    parameters = {"coefficients": expand_roots([2, 2, -1])}
    assert TASK.score(parameters, "2 -1 2").reward == 1.0
    assert TASK.score(parameters, "2 -1 3").reward == (2 / 3) ** 5
    assert TASK.score(parameters, "2 2 2").reward == (2 / 3) ** 5  # multiset: only two 2s count
    assert TASK.score(parameters, "2 -1").reward == -1.0
