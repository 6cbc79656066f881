"""Cheapest multiset of intervals covering every point the required number of times (NOI 2008, volunteers)."""

from __future__ import annotations

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
_COST_MULTIPLE = 3
_INTERVAL_MULTIPLES = (0.7, 0.9, *(round(1.0 + 0.1 * i, 1) for i in range(31)))  # 0.7, 0.9, 1.0, 1.1, ..., 4.0


class MinimumIntervalCoverage(Task):
    """Choose how many times to take each of M priced intervals on the points 1..N (any number of times each) so
    that every point i lies in at least NEED[i] chosen intervals, at the smallest total price.

    Difficulty: N ← int(1.1·N + 1) from 3; M = int(r·N) with r drawn from {0.7, 0.9, 1.0, 1.1, ..., 4.0};
    intervals have uniform endpoints and price uniform in [1, 3·length]; NEED[i] is uniform in [0, N] where
    some interval covers i, else 0. The optimum is exact: the constraint matrix has consecutive ones, so
    differencing consecutive rows turns the problem into a min-cost flow (interval [l, r] is an arc l → r+1,
    surplus coverage an arc i+1 → i), solved by successive shortest paths.
    Reward: -1 unparsable or not M counts; -0.5 for a negative count or an under-covered point; otherwise
    (minimum price / price)^5 (an answer of price 0 is optimal only when nothing is needed).
    Answer: the M counts, in the order the intervals are listed, on one line separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        intervals = []
        for _ in range(int(rng.choice(_INTERVAL_MULTIPLES) * n)):
            left, right = sorted((rng.randint(1, n), rng.randint(1, n)))
            intervals.append([left, right, rng.randint(1, _COST_MULTIPLE * (right - left + 1))])
        covered = [False] * (n + 2)
        for left, right, _ in intervals:
            for point in range(left, right + 1):
                covered[point] = True
        needs = [rng.randint(0, n) if covered[point] else 0 for point in range(1, n + 1)]
        parameters: dict[str, Any] = {"N": n, "intervals": intervals, "needs": needs}
        counts = self.solve(parameters)
        parameters["best"] = sum(c * price for c, (_, _, price) in zip(counts, intervals, strict=True))
        return Instance(parameters, " ".join(map(str, counts)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, intervals, needs = parameters["N"], parameters["intervals"], parameters["needs"]
        lines = "\n".join(f"interval {i + 1}: [{a}, {b}], price {c}" for i, (a, b, c) in enumerate(intervals))
        need_line = " ".join(f"NEED[{i + 1}]={x}" for i, x in enumerate(needs))
        return (
            f"There are {len(intervals)} intervals on the integer points 1 to {n}, each with a price:\n{lines}\n"
            "Each interval may be taken any number of times (also zero), paying its price each time. Every point "
            f"i must lie in at least NEED[i] taken intervals (counted with repetition), where\n{need_line}\n"
            "Make the total price as small as possible.\n"
            f"Write how many times each of the {len(intervals)} intervals is taken, in the order listed, on one "
            "line separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Optimal counts from the min-cost flow formulation (see the class docstring).

        Rows P_i: ∑_{j covers i} x_j - surplus_i = NEED[i]; with P_0 = P_{N+1} = 0, row P_i - P_{i-1} (node i,
        1 ≤ i ≤ N+1) has x_j with +1 at node l_j and -1 at node r_j+1, surplus_i with -1 at i and +1 at i+1, and
        right-hand side NEED[i] - NEED[i-1]: a flow with that supply at each node."""
        n, intervals, needs = parameters["N"], parameters["intervals"], parameters["needs"]
        padded = [0, *needs, 0]
        source, sink = 0, n + 2
        unlimited = sum(needs) + 1
        arcs = [(left, right + 1, unlimited, price) for left, right, price in intervals]
        arcs += [(i + 1, i, unlimited, 0) for i in range(1, n + 1)]
        for node in range(1, n + 2):
            supply = padded[node] - padded[node - 1]
            if supply > 0:
                arcs.append((source, node, supply, 0))
            elif supply < 0:
                arcs.append((node, sink, -supply, 0))
        _, _, flows = min_cost_max_flow(n + 3, arcs, source, sink)
        return flows[: len(intervals)]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        counts = parse_int_list(answer)
        n, intervals, needs = parameters["N"], parameters["intervals"], parameters["needs"]
        if len(counts) != len(intervals):
            raise AnswerFormatError(f"expected {len(intervals)} counts, got {len(counts)}")
        if any(c < 0 for c in counts):
            return rewards.invalid("counts must be non-negative")
        change = [0] * (n + 2)  # coverage differences, prefix-summed below
        for count, (left, right, _) in zip(counts, intervals, strict=True):
            change[left] += count
            change[right + 1] -= count
        coverage = 0
        for point in range(1, n + 1):
            coverage += change[point]
            if coverage < needs[point - 1]:
                return rewards.invalid(f"point {point} is covered {coverage} times, needs {needs[point - 1]}")
        price = sum(c * p for c, (_, _, p) in zip(counts, intervals, strict=True))
        return rewards.optimality(price, parameters["best"], _BETA, minimize=True)
