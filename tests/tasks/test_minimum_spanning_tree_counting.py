"""MinimumSpanningTreeCounting: Kruskal classes with the matrix-tree theorem against checking every edge subset."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.minimum_spanning_tree_counting import (
    MinimumSpanningTreeCounting,
    count_minimum_spanning_trees,
)

TASK = MinimumSpanningTreeCounting()


def is_spanning_tree(n: int, chosen: tuple[list[int], ...]) -> bool:
    """n − 1 edges that never close a cycle (labels merged by relabelling, no union-find)."""
    label = list(range(n))
    for u, v, _ in chosen:
        if label[u] == label[v]:
            return False
        old, new = label[u], label[v]
        label = [new if x == old else x for x in label]
    return True


def count_by_subsets(n: int, edges: list[list[int]]) -> int:
    trees = [chosen for chosen in itertools.combinations(edges, n - 1) if is_spanning_tree(n, chosen)]
    weights = [sum(w for _, _, w in tree) for tree in trees]
    return weights.count(min(weights)) if weights else 0


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_subsets(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        n, edges, modulus = problem.parameters["N"], problem.parameters["edges"], problem.parameters["MOD"]
        exact = count_by_subsets(n, edges)
        assert exact > 0 and count_minimum_spanning_trees(n, edges) == exact
        assert problem.reference_answer == str(exact % modulus)


def test_random_multi_weight_graphs() -> None:
    rng = random.Random(6)
    for _ in range(40):
        n = rng.randint(2, 6)
        pairs = [[u, v] for u in range(n) for v in range(u + 1, n)]
        chosen = rng.sample(pairs, rng.randint(0, len(pairs)))
        edges = [[u, v, rng.randint(1, 3)] for u, v in chosen]
        assert count_minimum_spanning_trees(n, edges) == count_by_subsets(n, edges)


def test_hand_examples_and_rewards() -> None:
    complete = [[u, v, 1] for u in range(5) for v in range(u + 1, 5)]
    assert count_minimum_spanning_trees(5, complete) == 125  # Cayley: 5^3
    square = {"N": 4, "edges": [[0, 1, 1], [1, 2, 1], [2, 3, 1], [0, 3, 1], [0, 2, 2]], "MOD": 3}
    assert count_minimum_spanning_trees(4, square["edges"]) == 4
    assert TASK.score(square, "1").reward == 1.0
    assert TASK.score(square, "4").reward == -0.5
    assert TASK.score(square, "2").reward == 0.0
