"""MostNumEdge_NonSelfIsomorphism: exhaustive search at N = 6 (where RLVE's formula is off by one), and, for larger
N, identity trees enumerated with networkx combined by an exact-partition DP."""

import itertools
import math

import networkx as nx
from networkx.algorithms.isomorphism import GraphMatcher

from rlve_gym.envs.counting.most_num_edge_non_self_isomorphism import (
    MostNumEdge_NonSelfIsomorphism,
    identity_tree_counts,
    most_edges_asymmetric,
)

TASK = MostNumEdge_NonSelfIsomorphism()


def is_asymmetric(n: int, edges: set[tuple[int, int]]) -> bool:
    degree = [0] * n
    for u, v in edges:
        degree[u] += 1
        degree[v] += 1
    for permutation in itertools.permutations(range(n)):
        if any(degree[permutation[i]] != degree[i] for i in range(n)) or permutation == tuple(range(n)):
            continue
        if all(tuple(sorted((permutation[u], permutation[v]))) in edges for u, v in edges):
            return False
    return True


def test_six_vertices_by_exhaustive_search() -> None:
    pairs = list(itertools.combinations(range(6), 2))
    asymmetric_with = {
        size: any(is_asymmetric(6, set(chosen)) for chosen in itertools.combinations(pairs, size)) for size in (9, 10)
    }
    assert asymmetric_with == {9: True, 10: False}
    assert most_edges_asymmetric(6) == 9


def networkx_identity_tree_counts(limit: int) -> list[int]:
    counts = [0, 1]
    for size in range(2, limit + 1):
        count = 0
        for tree in nx.nonisomorphic_trees(size):
            isomorphisms = GraphMatcher(tree, tree).isomorphisms_iter()
            next(isomorphisms)
            count += next(isomorphisms, None) is None
        counts.append(count)
    return counts


def test_larger_n_by_exact_partitions_into_identity_trees() -> None:
    limit = 12
    counts = networkx_identity_tree_counts(limit)
    assert identity_tree_counts(limit) == counts
    # most trees in a forest of pairwise different identity trees with exactly n vertices
    most_trees = [0] + [-1] * limit
    for size in range(1, limit + 1):
        for _ in range(min(counts[size], limit // size)):
            for total in range(limit, size - 1, -1):
                if most_trees[total - size] >= 0:
                    most_trees[total] = max(most_trees[total], most_trees[total - size] + 1)
    for n in range(7, limit + 1):
        assert most_edges_asymmetric(n) == math.comb(n, 2) - (n - most_trees[n])


def test_generated_instances_and_rewards() -> None:
    for seed in range(10):
        problem = TASK.generate(seed, 0)
        assert int(problem.reference_answer) == most_edges_asymmetric(problem.parameters["N"])
    p = {"N": 7}  # the 7-vertex identity tree has 6 edges: 21 - 6
    assert TASK.solve(p) == 15
    assert TASK.score(p, "15").reward == 1.0
    assert TASK.score(p, "16").reward == 0.0
