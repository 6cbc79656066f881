"""GraphContainTreeCounting: inclusion-exclusion over subsets against trying every permutation."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting import graph_contain_tree_counting as module
from rlve_gym.envs.counting.graph_contain_tree_counting import GraphContainTreeCounting, count_tree_embeddings

TASK = GraphContainTreeCounting()


def embeddings_by_permutation(n: int, graph: list[list[int]], tree: list[list[int]]) -> int:
    edges = {frozenset(edge) for edge in graph}
    return sum(all(frozenset((p[u], p[v])) in edges for u, v in tree) for p in itertools.permutations(range(n)))


def random_instance(rng: random.Random, n: int) -> tuple[list[list[int]], list[list[int]]]:
    order = rng.sample(range(n), n)
    tree = [[order[i], order[rng.randrange(i)]] for i in range(1, n)]
    graph = [[u, v] for u in range(n) for v in range(u + 1, n) if rng.random() < rng.choice((0.3, 0.6, 0.9))]
    return graph, tree


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert int(problem.reference_answer) == embeddings_by_permutation(p["N"], p["G_edges"], p["T_edges"]) > 0


def test_random_graphs_including_zero_counts() -> None:
    rng = random.Random(6)
    for _ in range(40):
        n = rng.randint(1, 6)
        graph, tree = random_instance(rng, n)
        assert count_tree_embeddings(n, graph, tree) == embeddings_by_permutation(n, graph, tree)


def test_modular_path_with_chinese_remaindering(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "_EXACT_LIMIT", 0)  # force the residue computation and CRT
    monkeypatch.setattr(module, "_PRIMES", (7, 11, 13))  # small primes, so several are needed
    rng = random.Random(9)
    for _ in range(20):
        n = rng.randint(3, 6)
        graph, tree = random_instance(rng, n)
        assert count_tree_embeddings(n, graph, tree) == embeddings_by_permutation(n, graph, tree)


def test_hand_example_and_rewards() -> None:
    # a path 0-1-2 into a triangle: every one of the 3! bijections works; into the path itself only 2 do
    path = [[0, 1], [1, 2]]
    assert count_tree_embeddings(3, [[0, 1], [1, 2], [0, 2]], path) == 6
    assert count_tree_embeddings(3, path, path) == 2
    parameters = {"N": 3, "G_edges": path, "T_edges": path, "count": 2}
    assert TASK.score(parameters, "2").reward == 1.0
    assert TASK.score(parameters, "0").reward == -1.0
    assert TASK.score(parameters, "4").reward == pytest.approx(0.5**10)
