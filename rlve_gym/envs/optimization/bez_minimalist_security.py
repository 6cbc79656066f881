"""Lower an array under pairwise-sum constraints, minimising or maximising the total."""

from __future__ import annotations

import random
from collections import deque
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import adjacency
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_EDGE_RATIOS = tuple(round(1.0 + 0.1 * i, 1) for i in range(21))


def extreme_solution(limits: list[int], edges: list[list[int]], goal: str) -> list[int]:
    """Values 0 ≤ v[i] ≤ limits[i] with v[u] + v[w] = s for every edge (u, w, s) and the least ("minimized") or
    largest ("maximized") total. Raises ValueError when no values fit.

    In a connected component every value is ±t + c for the component's first vertex value t (the sign alternates
    along edges). An edge between equal signs fixes t; one between opposite signs must agree by itself; each
    bound limits t to an interval. The component's total is linear in t, so the best t is an end of its interval.
    """
    n = len(limits)
    neighbours = adjacency(n, edges, directed=False)
    sign, offset = [0] * n, [0] * n
    values = [0] * n
    for root in range(n):
        if sign[root]:
            continue
        sign[root], component, queue = 1, [root], deque([root])
        fixed: int | None = None
        while queue:
            u = queue.popleft()
            for v, total in neighbours[u]:
                if not sign[v]:
                    sign[v], offset[v] = -sign[u], total - offset[u]
                    component.append(v)
                    queue.append(v)
                elif sign[v] == sign[u]:
                    twice = (total - offset[u] - offset[v]) * sign[u]  # 2·t
                    if twice % 2 or (fixed is not None and fixed != twice // 2):
                        raise ValueError("the constraints contradict each other")
                    fixed = twice // 2
                elif offset[u] + offset[v] != total:
                    raise ValueError("the constraints contradict each other")
        low, high = -(10**18), 10**18
        for u in component:  # 0 ≤ sign·t + offset ≤ limit
            if sign[u] > 0:
                low, high = max(low, -offset[u]), min(high, limits[u] - offset[u])
            else:
                low, high = max(low, offset[u] - limits[u]), min(high, offset[u])
        if fixed is not None:
            low, high = max(low, fixed), min(high, fixed)
        if low > high:
            raise ValueError("no values fit the bounds")
        slope = sum(sign[u] for u in component)
        t = low if (slope > 0) == (goal == "minimized") else high
        for u in component:
            values[u] = sign[u] * t + offset[u]
    return values


class BEZMinimalistSecurity(Task):
    """Given P[0..N-1] and constraints P'[u] + P'[v] = w, choose 0 ≤ P'[i] ≤ P[i] satisfying all of them with the
    smallest (or largest) possible sum.

    Instances are planted: P' is drawn in [0, N]^N, the constraint sums come from it, and P[i] = P'[i] + a value in
    [0, N].
    Difficulty: N grows as N ← int(1.1·N + 1) from 3; the number of constraints is max(1, int(r·N)) for r drawn
    from {1.0, 1.1, …, 3.0} (values keeping it at most N(N−1)/2); minimise or maximise is drawn per instance.
    Reward: -1 unparsable; -0.5 for a wrong length, a value outside [0, P[i]] or a broken constraint; otherwise
    (best/achieved)^5 when minimising and (achieved/best)^5 when maximising.
    Answer: P'[0], …, P'[N−1] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        planted = [rng.randint(0, n) for _ in range(n)]
        pairs = n * (n - 1) // 2
        ratio = rng.choice([r for r in _EDGE_RATIOS if int(n * r) <= pairs])
        candidates = [[u, v, planted[u] + planted[v]] for u in range(n) for v in range(u + 1, n)]
        edges = rng.sample(candidates, max(1, min(pairs, int(ratio * n))))
        parameters = {
            "P": [value + rng.randint(0, n) for value in planted],
            "edges": edges,
            "goal": rng.choice(["minimized", "maximized"]),
        }
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        limits = parameters["P"]
        n = len(limits)
        listed = " ".join(f"P[{i}]={value}" for i, value in enumerate(limits))
        constraints = "\n".join(f"P'[{u}] + P'[{v}] = {w}" for u, v, w in parameters["edges"])
        goal = "as small" if parameters["goal"] == "minimized" else "as large"
        return (
            f"You are given an array P of length {n}: {listed}\n"
            f"Build an array P' of length {n} with 0 ≤ P'[i] ≤ P[i] for every i, satisfying all of these "
            f"constraints:\n{constraints}\n"
            f"Among all such arrays, make the sum P'[0] + P'[1] + … + P'[{n - 1}] {goal} as possible.\n"
            f"Write P'[0], P'[1], …, P'[{n - 1}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal array P'."""
        return extreme_solution(parameters["P"], parameters["edges"], parameters["goal"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        limits = parameters["P"]
        if len(values) != len(limits):
            return rewards.invalid(f"expected {len(limits)} values, got {len(values)}")
        if any(not 0 <= value <= limit for value, limit in zip(values, limits, strict=True)):
            return rewards.invalid("every P'[i] must lie in [0, P[i]]")
        if any(values[u] + values[v] != w for u, v, w in parameters["edges"]):
            return rewards.invalid("a constraint P'[u] + P'[v] = w is broken")
        best = sum(self.solve(parameters))
        return rewards.optimality(sum(values), best, _BETA, minimize=parameters["goal"] == "minimized")
