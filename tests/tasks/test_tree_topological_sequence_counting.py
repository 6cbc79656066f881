"""TreeTopologicalSequenceCounting: the rank-merging tree DP against listing permutations and a subset DP."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.tree_topological_sequence_counting import (
    TreeTopologicalSequenceCounting,
    count_tree_orders,
)

TASK = TreeTopologicalSequenceCounting()


def holds(p: tuple[int, ...], constraints: list[list]) -> bool:
    return all((p[u] < p[v]) == (sign == "<") for u, sign, v in constraints)


def count_by_listing(n: int, constraints: list[list]) -> int:
    return sum(holds(p, constraints) for p in itertools.permutations(range(n)))


def count_by_subsets(n: int, constraints: list[list]) -> int:
    """Hand out the values 0, 1, 2, … in order; a node may take the next value once all smaller ones are set."""
    smaller = [0] * n  # bitmask of nodes that must take a smaller value
    for u, sign, v in constraints:
        if sign == "<":
            smaller[v] |= 1 << u
        else:
            smaller[u] |= 1 << v
    ways = [0] * (1 << n)
    ways[0] = 1
    for done in range(1 << n):
        if ways[done]:
            for node in range(n):
                if not done >> node & 1 and smaller[node] & done == smaller[node]:
                    ways[done | 1 << node] += ways[done]
    return ways[-1]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3, 4])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        n, constraints, modulus = (problem.parameters[key] for key in ("N", "constraints", "MOD"))
        exact = count_by_listing(n, constraints)
        assert exact > 0 and problem.reference_answer == str(exact % modulus)


def test_random_trees_against_subset_dp() -> None:
    rng = random.Random(3)
    for _ in range(30):
        n = rng.randint(1, 11)
        constraints = []
        for node in range(1, n):
            other = rng.randrange(node)
            constraints.append([other, rng.choice("<>"), node])
        assert count_tree_orders(n, constraints) == count_by_subsets(n, constraints)


def test_hand_examples_and_rewards() -> None:
    star = [[0, "<", v] for v in range(1, 5)]  # 0 smallest, the rest free: 4!
    assert count_tree_orders(5, star) == 24
    chain = [[0, "<", 1], [1, "<", 2], [2, "<", 3]]
    assert count_tree_orders(4, chain) == 1
    parameters = {"N": 3, "constraints": [[0, "<", 1], [0, "<", 2]], "MOD": 5}  # 2 orders
    assert TASK.score(parameters, "2").reward == 1.0
    assert TASK.score(parameters, "5").reward == -0.5
    assert TASK.score(parameters, "1").reward == 0.0
