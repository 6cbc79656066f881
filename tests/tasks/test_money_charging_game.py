"""MoneyChargingGame: the tree DP against exact enumeration of weights and first-appearance orders."""

import itertools
import random
from fractions import Fraction

from rlve_gym.envs.counting.money_charging_game import MODULUS, MoneyChargingGame, order_probability

TASK = MoneyChargingGame()


def exact_probability(weights: list[list[int]], before: list[list[int]]) -> Fraction:
    """Σ over weight draws and orders: P(W) · Π_k W[σ_k] / (Σ of the W's not yet seen), for orders obeying all."""
    n = len(weights)
    total = Fraction(0)
    for draw in itertools.product((1, 2, 3), repeat=n):
        chance = Fraction(1)
        for i, w in enumerate(draw):
            chance *= Fraction(weights[i][w - 1], sum(weights[i]))
        for order in itertools.permutations(range(n)):
            position = {node: k for k, node in enumerate(order)}
            if not all(position[u] < position[v] for u, v in before):
                continue
            p, remaining = Fraction(1), sum(draw)
            for node in order:
                p *= Fraction(draw[node], remaining)
                remaining -= draw[node]
            total += chance * p
    return total


def as_residue(value: Fraction) -> int:
    return value.numerator * pow(value.denominator, MODULUS - 2, MODULUS) % MODULUS


def test_generated_instances_match_enumeration() -> None:
    for difficulty in (0, 1, 2):
        for seed in range(5):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert int(problem.reference_answer) == as_residue(exact_probability(p["A"], p["before"]))


def test_random_trees_with_every_orientation() -> None:
    rng = random.Random(15)
    for _ in range(12):
        n = rng.randint(2, 5)
        weights = [[rng.randint(1, 4) for _ in range(3)] for _ in range(n)]
        before = []
        for v in range(1, n):
            u = rng.randrange(v)
            before.append([u, v] if rng.random() < 0.5 else [v, u])
        assert order_probability(weights, before) == as_residue(exact_probability(weights, before))


def test_hand_example_and_rewards() -> None:
    # two nodes with W fixed to 1 (A = [1, 0, 0] is not drawable, so use equal odds): by symmetry 1/2
    p = {"A": [[1, 1, 1], [1, 1, 1]], "before": [[0, 1]]}
    assert TASK.solve(p) == as_residue(Fraction(1, 2))
    assert TASK.score(p, str(TASK.solve(p))).reward == 1.0
    assert TASK.score(p, "3").reward == 0.0
    assert TASK.score(p, str(MODULUS)).reward == -0.5
