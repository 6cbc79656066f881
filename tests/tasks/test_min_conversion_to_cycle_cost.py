"""MinConversionToCycleCost: the greedy construction against every Hamiltonian cycle."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.graph.min_conversion_to_cycle_cost import (
    MinConversionToCycleCost,
    change_cost,
    is_single_cycle,
)

TASK = MinConversionToCycleCost()


def brute_force(sources: list[int], costs: list[int]) -> int:
    """Least cost over every single cycle (each written as the in-edge source of every vertex)."""
    n = len(sources)
    best = None
    for rest in itertools.permutations(range(1, n)):
        cycle = [0, *rest]
        final = [0] * n
        for position, vertex in enumerate(cycle):
            final[vertex] = cycle[position - 1]
        cost = change_cost(sources, costs, final)
        best = cost if best is None else min(best, cost)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_against_every_cycle(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        final = list(map(int, problem.reference_answer.split()))
        assert is_single_cycle(final)
        assert change_cost(p["A"], p["C"], final) == brute_force(p["A"], p["C"])


def test_random_functional_graphs() -> None:
    rng = random.Random(10)
    for _ in range(300):
        n = rng.randint(2, 7)
        sources = [(i + rng.randint(1, n - 1)) % n for i in range(n)]
        costs = [rng.randint(1, 4) for _ in range(n)]
        final = TASK.solve({"A": sources, "C": costs})
        assert is_single_cycle(final)
        assert change_cost(sources, costs, final) == brute_force(sources, costs)


def test_hand_example_and_invalid_answers() -> None:
    # two 2-cycles 0 ↔ 1 and 2 ↔ 3: re-point one vertex of each, the cheapest ones (1 and 2)
    p = {"A": [1, 0, 3, 2], "C": [5, 1, 2, 6]}
    assert change_cost(p["A"], p["C"], TASK.solve(p)) == 3
    assert TASK.score(p, "1 2 3 0").reward == pytest.approx((3 / (1 + 6)) ** 3)  # changes A[1] and A[3]
    assert TASK.score(p, "1 3 0 2").reward == 1.0
    assert TASK.score(p, "1 0 3 2").reward == -0.2
    for bad in ("1 2 3", "1 2 3 4", "-1 2 3 0"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    already = {"A": [1, 2, 0], "C": [1, 1, 1]}
    assert TASK.solve(already) == [1, 2, 0]
    assert TASK.score(already, "1 2 0").reward == 1.0
