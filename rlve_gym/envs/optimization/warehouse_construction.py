"""Warehouse construction on a slope: build warehouses so that building plus downhill transport cost is least."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def plan_cost(parameters: dict[str, Any], built: list[int]) -> int | None:
    """Total cost of building at `built` (each listed index charged once per listing), or None when some products
    have no warehouse at or below their factory."""
    distances, products, costs = parameters["D"], parameters["P"], parameters["C"]
    has_warehouse = [False] * len(distances)
    total = 0
    for index in built:
        has_warehouse[index] = True
        total += costs[index]
    nearest = None
    for factory in range(len(distances) - 1, -1, -1):
        if has_warehouse[factory]:
            nearest = factory
        if products[factory]:
            if nearest is None:
                return None
            total += products[factory] * (distances[nearest] - distances[factory])
    return total


class WarehouseConstruction(Task):
    """N factories stand down a slope at distances D[i] from the top; factory i holds P[i] products and a warehouse
    there costs C[i]. Products of a factory without a warehouse go downhill to the nearest warehouse below, at
    cost 1 per product per unit of distance. Choose where to build to minimise building plus transport cost.

    The reference is the O(N²) DP over the lowest warehouse so far (ZJOI 2007 "Warehouse Construction"):
    f(i) = min over j < i of f(j) + C[i] + Σ_{j < k ≤ i} P[k]·(D[i] − D[k]); factories below the last warehouse
    must hold no products.
    Difficulty: N ← int(1.1·N + 1) from 4; D[0] = 0 and the other distances N − 1 distinct values from [1, 2N],
    increasing; P[i] uniform in [0, N]; C[i] uniform in [1, 2N]. If every P[i] comes out 0, one random factory gets
    P uniform in [1, N] instead (otherwise the only right answer, building nothing, could not be written).
    Reward: -1 unparsable; -0.5 for an index out of range or products left without a warehouse below; otherwise
    (least cost / answer's cost)^5, every listed index paying its C.
    Answer: the indices of the factories that get a warehouse, on one line, in any order, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        products = [rng.randint(0, n) for _ in range(n)]
        if not any(products):
            products[rng.randrange(n)] = rng.randint(1, n)
        parameters = {
            "D": [0, *sorted(rng.sample(range(1, 2 * n + 1), n - 1))],
            "P": products,
            "C": [rng.randint(1, 2 * n) for _ in range(n)],
        }
        built, best = self.solve(parameters)
        parameters["best"] = best
        return Instance(parameters, " ".join(map(str, built)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        distances, products, costs = parameters["D"], parameters["P"], parameters["C"]
        n = len(distances)
        return (
            f"{n} factories, numbered 0 to {n - 1}, stand along a mountain slope from the top (factory 0) to the "
            f"bottom (factory {n - 1}).\n"
            f"Distance from factory 0: {' '.join(f'D[{i}]={v}' for i, v in enumerate(distances))}\n"
            f"Products held: {' '.join(f'P[{i}]={v}' for i, v in enumerate(products))}\n"
            f"Cost of building a warehouse there: {' '.join(f'C[{i}]={v}' for i, v in enumerate(costs))}\n"
            "You may build warehouses at any set of factories; a warehouse holds any number of products. The "
            "products of a factory without a warehouse must be carried downhill to the nearest factory below it "
            "that has one; carrying one product one unit of distance costs 1. The total cost is the cost of the "
            "warehouses plus the carrying cost. Make it as small as possible.\n"
            "Write the indices of the factories that get a warehouse on one line, in any order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[list[int], int]:
        """(an optimal set of warehouses, increasing; its cost)."""
        distances, products, costs = parameters["D"], parameters["P"], parameters["C"]
        n = len(distances)
        # best[i + 1]: least cost of serving factories 0..i with a warehouse at i; best[0] = 0 serves nothing
        best, previous = [0] + [0] * n, [-1] * (n + 1)
        for i in range(n):
            carried = 0  # carrying factories j..i-1 down to i, grown as j moves up
            candidate_best, candidate_from = None, -1
            for j in range(i, -1, -1):
                value = best[j] + costs[i] + carried
                if candidate_best is None or value < candidate_best:
                    candidate_best, candidate_from = value, j
                if j:
                    carried += products[j - 1] * (distances[i] - distances[j - 1])
            best[i + 1], previous[i + 1] = candidate_best, candidate_from
        last_loaded = max((i for i in range(n) if products[i]), default=-1)
        # the lowest warehouse may be anywhere at or below the last factory holding products
        end = min(range(last_loaded + 1, n + 1), key=lambda k: (best[k], k))
        cost, built = best[end], []
        while end:
            built.append(end - 1)
            end = previous[end]
        return built[::-1], cost

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        built = parse_int_list(answer, allow_empty=True)
        if any(not 0 <= index < len(parameters["D"]) for index in built):
            return rewards.invalid("factory index out of range")
        cost = plan_cost(parameters, built)
        if cost is None:
            return rewards.invalid("some products have no warehouse at or below their factory")
        return rewards.optimality(cost, parameters["best"], _BETA, minimize=True)
