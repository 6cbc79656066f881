"""Minimum-cost maximum flow in a directed network."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import min_cost_max_flow
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_DENSITIES = (0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
_MAX_CAPACITY = 10
_MAX_COST = 10


class MinimumCost_MaximumFlow(Task):
    """Find a maximum flow from vertex 0 to vertex N-1 of a directed network, and among those one of least cost.

    A path from 0 to N-1 through 1..4 random inner vertices is planted with capacities in [5, 10]; random arcs
    (none into 0, none out of N-1) are added up to int(density·N(N-1)) arcs, with capacities in [1, 10]; costs
    are in [1, 10]. The optimum comes from successive shortest augmenting paths (exact on integers).
    Difficulty: N ← int(1.1·N + 1) from 4; density drawn from {0.01, 0.05, 0.1, ..., 0.5}.
    Reward: -1 unparsable or not one value per arc; -0.5 if a flow is negative or above its capacity or flow is
    not conserved at an inner vertex; otherwise 0.5·(flow value / maximum flow)^5, plus, for a maximum flow,
    0.5·(minimum cost / cost)^5.
    Answer: the flow on every arc, in the order the arcs are listed, on one line separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        density = rng.choice(_DENSITIES)
        inner = rng.sample(range(1, n - 1), rng.randint(2, min(5, n - 1)) - 1)
        path = [0, *inner, n - 1]
        arcs = {
            (s, t): (rng.randint(_MAX_CAPACITY // 2, _MAX_CAPACITY), rng.randint(1, _MAX_COST))
            for s, t in itertools.pairwise(path)
        }
        wanted = int(density * n * (n - 1))
        if len(arcs) < wanted:
            spare = [(s, t) for s in range(n - 1) for t in range(1, n) if s != t and (s, t) not in arcs]
            for s, t in rng.sample(spare, min(len(spare), wanted - len(arcs))):
                arcs[(s, t)] = (rng.randint(1, _MAX_CAPACITY), rng.randint(1, _MAX_COST))
        edges = [[s, t, capacity, cost] for (s, t), (capacity, cost) in arcs.items()]
        rng.shuffle(edges)
        parameters: dict[str, Any] = {"N": n, "edges": edges}
        flow, cost, flows = self.solve(parameters)
        parameters["max_flow"], parameters["min_cost"] = flow, cost
        return Instance(parameters, " ".join(map(str, flows)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"({s}, {t}, {c}, {w})" for s, t, c, w in edges)
        return (
            f"A directed network has {n} vertices, numbered 0 to {n - 1}; the source is 0 and the sink is {n - 1}. "
            f"It has these {len(edges)} arcs, each written (s, t, c, w) for an arc from s to t with capacity c and "
            f"cost w per unit of flow:\n{lines}\n"
            "Send flow from the source to the sink: the flow on each arc is an integer between 0 and its capacity, "
            "and at every vertex other than the source and the sink the flow in equals the flow out. Make the "
            "amount of flow reaching the sink as large as possible, and among all such maximum flows choose one "
            "whose total cost (the sum over arcs of flow times cost) is as small as possible.\n"
            f"Write the flow on each of the {len(edges)} arcs, in the order listed above, on one line separated "
            "by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[int, int, list[int]]:
        """(maximum flow value, its minimum cost, the flow on each arc)."""
        arcs = [(s, t, capacity, cost) for s, t, capacity, cost in parameters["edges"]]
        return min_cost_max_flow(parameters["N"], arcs, 0, parameters["N"] - 1)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        flows = parse_int_list(answer)
        n, edges = parameters["N"], parameters["edges"]
        if len(flows) != len(edges):
            raise AnswerFormatError(f"expected {len(edges)} flow values, got {len(flows)}")
        balance = [0] * n  # outflow minus inflow
        for flow, (s, t, capacity, _) in zip(flows, edges, strict=True):
            if not 0 <= flow <= capacity:
                return rewards.invalid(f"the flow on arc {s} -> {t} must lie in [0, {capacity}]")
            balance[s] += flow
            balance[t] -= flow
        if any(balance[v] for v in range(1, n - 1)):
            return rewards.invalid("flow is not conserved at some inner vertex")
        value = balance[0]
        best_value, best_cost = parameters["max_flow"], parameters["min_cost"]
        if value > best_value:
            raise ValueError(f"flow {value} beats the maximum {best_value}: the reference solver is wrong")
        reward = 0.5 * (value / best_value) ** _BETA
        if value < best_value:
            return rewards.wrong(f"flow {value} is not maximum ({best_value})", reward=reward)
        cost = sum(flow * edge[3] for flow, edge in zip(flows, edges, strict=True))
        if cost == best_cost:
            return rewards.correct("maximum flow of minimum cost")
        if cost < best_cost:
            raise ValueError(f"cost {cost} beats the minimum {best_cost}: the reference solver is wrong")
        reward += 0.5 * (best_cost / cost) ** _BETA
        return rewards.wrong(f"maximum flow, cost {cost} vs {best_cost}", reward=reward)
