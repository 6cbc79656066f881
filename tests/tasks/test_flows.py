"""The shared Dinic max flow (rlve_gym.envs.common.flows) against networkx, and its minimum cut."""

from __future__ import annotations

import random

import networkx as nx

from rlve_gym.envs.common.flows import FlowNetwork


def test_max_flow_and_cut_match_networkx() -> None:
    rng = random.Random(7)
    for _ in range(60):
        n = rng.randint(2, 12)
        arcs = [(rng.randrange(n), rng.randrange(n), rng.randint(0, 9)) for _ in range(rng.randint(0, 40))]
        network = FlowNetwork(n)
        reference = nx.DiGraph()
        reference.add_nodes_from(range(n))
        for tail, head, capacity in arcs:
            network.add_arc(tail, head, capacity)
            if tail != head:
                old = reference.get_edge_data(tail, head, {"capacity": 0})["capacity"]
                reference.add_edge(tail, head, capacity=old + capacity)
        value = network.max_flow(0, n - 1)
        assert value == nx.maximum_flow_value(reference, 0, n - 1)
        side = network.source_side(0)
        assert side[0] and not side[n - 1]
        assert sum(c for t, h, c in arcs if side[t] and not side[h]) == value


def test_long_path_does_not_recurse() -> None:
    n = 5000
    network = FlowNetwork(n)
    arcs = [network.add_arc(v, v + 1, 3) for v in range(n - 1)]
    assert network.max_flow(0, n - 1) == 3
    assert network.flow_on(arcs[0]) == 3
