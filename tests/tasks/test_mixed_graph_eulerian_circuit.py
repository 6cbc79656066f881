"""MixedGraphEulerianCircuit: the planted circuit is valid; hand-made walks get the right rewards."""

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.graph.mixed_graph_eulerian_circuit import MixedGraphEulerianCircuit

TASK = MixedGraphEulerianCircuit()


def test_planted_circuit_uses_every_edge_once_in_allowed_directions() -> None:
    for difficulty in (0, 1, 2, 6, 12):
        for seed in range(10):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            walk = list(map(int, problem.reference_answer.split()))
            assert walk[0] == walk[-1]
            steps = list(itertools.pairwise(walk))
            assert len(steps) == len(p["undirected"]) + len(p["directed"])
            directed = {tuple(edge) for edge in p["directed"]}
            undirected = {tuple(edge) for edge in p["undirected"]}
            for u, v in steps:
                assert (u, v) in directed or (min(u, v), max(u, v)) in undirected
            assert len(directed) >= 1 and len(undirected) >= 1
            degree = [0] * p["N"]
            for u, v in [*directed, *undirected]:
                degree[u] += 1
                degree[v] += 1
            assert all(d % 2 == 0 and d > 0 for d in degree)
            assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_hand_made_walks() -> None:
    # a triangle 0-1-2 with 1 -> 2 directed, plus a second triangle 0-3-4 sharing vertex 0
    p = {"N": 5, "undirected": [[0, 1], [0, 2], [0, 3], [3, 4], [0, 4]], "directed": [[1, 2]]}
    assert TASK.score(p, "0 1 2 0 3 4 0").reward == 1.0
    assert TASK.score(p, "0 4 3 0 1 2 0").reward == 1.0
    assert TASK.score(p, "0 1 2 0").reward == pytest.approx((3 / 6) ** 10)
    assert TASK.score(p, "0 1 0 1 2 0 3 4 0").reward == pytest.approx((5 / 6) ** 10)  # 0-1 used twice
    assert TASK.score(p, "0 2 1 0").reward == rewards.INVALID_SOLUTION  # against the directed edge
    assert TASK.score(p, "0 1 2 0 3 4").reward == rewards.INVALID_SOLUTION  # not closed
    assert TASK.score(p, "0 1 2 0 5 0").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 3 0").reward == pytest.approx(0.0)  # an edge used twice, others unused
    assert TASK.score(p, "0").reward == 0.0  # a walk of no steps uses no edge
