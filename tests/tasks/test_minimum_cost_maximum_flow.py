"""MinimumCost_MaximumFlow: successive shortest paths against networkx and an enumeration of all flows."""

from __future__ import annotations

import itertools
import random

import networkx
import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.minimum_cost_maximum_flow import MinimumCost_MaximumFlow

TASK = MinimumCost_MaximumFlow()


def networkx_optimum(parameters: dict) -> tuple[int, int]:
    graph = networkx.DiGraph()
    graph.add_nodes_from(range(parameters["N"]))
    for s, t, capacity, cost in parameters["edges"]:
        graph.add_edge(s, t, capacity=capacity, weight=cost)
    flow = networkx.max_flow_min_cost(graph, 0, parameters["N"] - 1)
    value = sum(flow[0].values())
    return value, networkx.cost_of_flow(graph, flow)


def enumerated_optimum(parameters: dict) -> tuple[int, int]:
    """(max value, min cost at that value) over every integer flow vector."""
    n, edges = parameters["N"], parameters["edges"]
    best = (0, 0)
    for flows in itertools.product(*(range(c + 1) for _, _, c, _ in edges)):
        balance = [0] * n
        for f, (s, t, _, _) in zip(flows, edges):
            balance[s] += f
            balance[t] -= f
        if any(balance[1 : n - 1]):
            continue
        cost = sum(f * e[3] for f, e in zip(flows, edges))
        if balance[0] > best[0] or (balance[0] == best[0] and cost < best[1]):
            best = (balance[0], cost)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_networkx(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert (p["max_flow"], p["min_cost"]) == networkx_optimum(p)
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_tiny_networks_match_enumeration() -> None:
    rng = random.Random(2)
    for _ in range(40):
        n = rng.randint(3, 5)
        arcs = [(s, t) for s in range(n - 1) for t in range(1, n) if s != t]
        chosen = rng.sample(arcs, rng.randint(1, min(6, len(arcs))))
        p = {"N": n, "edges": [[s, t, rng.randint(1, 2), rng.randint(1, 4)] for s, t in chosen]}
        value, cost, flows = TASK.solve(p)
        assert (value, cost) == enumerated_optimum(p), p
        assert sum(f * e[3] for f, e in zip(flows, p["edges"])) == cost


def test_hand_example_and_invalid_answers() -> None:
    # 2 units leave 0; the direct 1->3 route costs 2 per unit, the detour 1->2->3 costs 7
    edges = [[0, 1, 2, 1], [1, 3, 2, 1], [1, 2, 2, 1], [2, 3, 2, 5]]
    p = {"N": 4, "edges": edges, "max_flow": 2, "min_cost": 4}
    assert TASK.solve(p) == (2, 4, [2, 2, 0, 0])
    assert TASK.score(p, "2 2 0 0").reward == 1.0
    assert TASK.score(p, "2 1 1 1").reward == pytest.approx(0.5 + 0.5 * (4 / 9) ** 5)
    assert TASK.score(p, "1 1 0 0").reward == pytest.approx(0.5 * (1 / 2) ** 5)
    assert TASK.score(p, "0 0 0 0").reward == 0.0
    for bad in ("3 3 0 0", "2 1 0 0", "-1 -1 0 0"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "2 2 0")
