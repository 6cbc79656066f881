"""ODLDistance: exponent-vector distances against a breadth-first search over multiply/divide steps."""

import random
from collections import deque

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.math.odl_distance import ODLDistance, nearest_indices

TASK = ODLDistance()
PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]


def searched_distance(a: int, b: int) -> int:
    """Breadth-first search over the integers up to a·b: the path dividing a down to gcd(a, b) and multiplying up
    to b stays in that range, and no path is shorter (each step changes one prime exponent by one)."""
    bound = a * b
    distance, queue = {a: 0}, deque([a])
    while queue:
        x = queue.popleft()
        if x == b:
            return distance[x]
        for p in PRIMES:
            for y in (x * p, x // p if x % p == 0 else 0):
                if 1 <= y <= bound and y not in distance:
                    distance[y] = distance[x] + 1
                    queue.append(y)
    raise AssertionError("unreachable")


def searched_nearest(values: list[int]) -> list[int]:
    n = len(values)
    return [
        min((j for j in range(n) if j != i), key=lambda j: (searched_distance(values[i], values[j]), j))
        for i in range(n)
    ]


def test_generated_instances_match_search() -> None:
    for difficulty in (0, 1, 2):
        for seed in range(5):
            problem = TASK.generate(seed, difficulty)
            assert problem.parameters["nearest"] == searched_nearest(problem.parameters["A"])


def test_random_lists() -> None:
    rng = random.Random(22)
    for _ in range(20):
        values = rng.sample(range(1, 25), rng.randint(2, 5))
        assert nearest_indices(values) == searched_nearest(values)


def test_hand_example_and_rewards() -> None:
    assert searched_distance(69, 42) == 3
    p = {"A": [12, 18, 5], "nearest": nearest_indices([12, 18, 5])}
    assert p["nearest"] == [1, 0, 0]  # D(12, 18) = 2, D(12, 5) = 4, D(18, 5) = 4: the tie goes to index 0
    assert TASK.score(p, "1 0 0").reward == 1.0
    assert TASK.score(p, "1 0 1").reward == pytest.approx((2 / 3) ** 5)
    for bad in ("0 0 0", "1 0", "1 0 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
