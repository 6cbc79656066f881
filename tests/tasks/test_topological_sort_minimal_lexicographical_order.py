"""TopologicalSort_MinimalLexicographicalOrder: the reversed max-heap order against every topological order."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.graph.topological_sort_minimal_lexicographical_order import (
    TopologicalSort_MinimalLexicographicalOrder,
    earliest_small_first_order,
)

TASK = TopologicalSort_MinimalLexicographicalOrder()


def brute_required(n: int, constraints: list[list[int]]) -> list[int]:
    best_key, best = None, None
    for order in itertools.permutations(range(n)):
        position = {item: index for index, item in enumerate(order)}
        if all(position[a] < position[b] for a, b in constraints):
            key = [position[item] for item in range(n)]
            if best_key is None or key < best_key:
                best_key, best = key, list(order)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        n, constraints = problem.parameters["N"], problem.parameters["constraints"]
        assert constraints
        assert list(map(int, problem.reference_answer.split())) == brute_required(n, constraints)


def test_random_graphs_where_lexicographic_smallest_differs() -> None:
    rng = random.Random(12)
    for _ in range(40):
        n = rng.randint(2, 7)
        hidden = rng.sample(range(n), n)
        constraints = [[hidden[i], hidden[j]] for i in range(n) for j in range(i + 1, n) if rng.random() < 0.3]
        assert earliest_small_first_order(n, constraints) == brute_required(n, constraints)
    # 0 needs 2 first; the lexicographically smallest order would be 1 2 0, but 2 0 1 puts 0 earlier
    assert earliest_small_first_order(3, [[2, 0]]) == [2, 0, 1]


def test_shaping() -> None:
    parameters = {"N": 3, "constraints": [[2, 0]]}
    assert TASK.score(parameters, "2 0 1").reward == 1.0
    assert TASK.score(parameters, "1 2 0").reward == pytest.approx(0.5 + 0.5 * 0)  # valid, no position right
    assert TASK.score(parameters, "2 1 0").reward == pytest.approx(0.5 + 0.5 * (1 / 3) ** 5)
    assert TASK.score(parameters, "0 1 2").reward == 0.0  # the only constraint is broken
    assert TASK.score(parameters, "0 1").reward == -0.5
