"""DegreeFixed_SpanningTree: the verifier on planted trees, hand-made invalid answers and a hand-solved graph,
and the spanning-tree check against networkx on every edge subset of small graphs."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from rlve_gym.envs.graph.degree_fixed_spanning_tree import DegreeFixed_SpanningTree

TASK = DegreeFixed_SpanningTree()


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_planted_tree_is_a_spanning_tree_of_the_graph_with_the_degrees(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        values = list(map(int, problem.reference_answer.split()))
        tree = nx.Graph(list(zip(values[::2], values[1::2])))
        assert nx.is_tree(tree) and tree.number_of_nodes() == p["N"]
        assert all(tree.degree(v) == p["degrees"][v] for v in range(p["N"]))
        assert all(sorted(edge) in [sorted(e) for e in p["edges"]] for edge in tree.edges)
        assert len(p["edges"]) > p["N"] - 1


def test_tree_check_matches_networkx_on_every_subset() -> None:
    # a 5-vertex graph: any 4-edge subset scores ≥ 0 exactly when networkx calls it a spanning tree
    edges = [[0, 1], [0, 2], [1, 2], [1, 3], [2, 3], [3, 4], [2, 4]]
    parameters = {"N": 5, "edges": edges, "degrees": [1, 2, 2, 2, 1]}
    for chosen in itertools.combinations(edges, 4):
        graph = nx.Graph([tuple(e) for e in chosen])
        is_tree = graph.number_of_nodes() == 5 and nx.is_tree(graph)
        reward = TASK.score(parameters, " ".join(f"{u} {v}" for u, v in chosen)).reward
        assert (reward >= 0) == is_tree, chosen
        if is_tree:
            satisfied = sum(graph.degree(v) == d for v, d in enumerate(parameters["degrees"]))
            assert reward == pytest.approx((satisfied / 5) ** 5)


def test_hand_made_answers() -> None:
    edges = [[0, 1], [1, 2], [2, 3], [0, 3], [0, 2]]
    parameters = {"N": 4, "edges": edges, "degrees": [1, 2, 2, 1]}
    assert TASK.score(parameters, "0 1 1 2 2 3").reward == 1.0  # the path 0-1-2-3
    assert TASK.score(parameters, "1 0 2 1 3 2").reward == 1.0  # endpoints in either order
    assert TASK.score(parameters, "0 1 0 2 0 3").reward == pytest.approx((1 / 4) ** 5)  # a star: only d_3 holds
    assert TASK.score(parameters, "0 1 1 2").reward == -0.5  # too few edges
    assert TASK.score(parameters, "0 1 1 2 1 3").reward == -0.5  # (1, 3) is not an edge
    assert TASK.score(parameters, "0 1 1 2 0 2").reward == -0.5  # a cycle, vertex 3 left out
    assert TASK.score(parameters, "0 1 0 1 2 3").reward == -0.5  # a repeated edge
    assert TASK.score(parameters, "0 1 1 2 2 9").reward == -0.5  # no vertex 9
    assert TASK.verify(TASK.generate(0, 0), "<answer>0 1 1</answer>").reward == -1.0
