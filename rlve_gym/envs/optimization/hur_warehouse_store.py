"""Warehouse store: serve as many customers as possible from stock that arrives day by day."""

from __future__ import annotations

import heapq
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_ATTEMPTS = 100


def serve_most(arrivals: list[int], demands: list[int]) -> list[int]:
    """Days (0-based) of a largest set of customers that can be served in order.

    Greedy with exchanges: serve each customer who fits; otherwise, if an earlier served customer wanted more, drop
    the largest such one and serve this one instead (same count, more stock left).
    """
    stock, served = 0, []  # heap of (-demand, day)
    for day, (arriving, demand) in enumerate(zip(arrivals, demands)):
        stock += arriving
        if stock >= demand:
            stock -= demand
            heapq.heappush(served, (-demand, day))
        elif served and -served[0][0] > demand:
            largest, _ = heapq.heapreplace(served, (-demand, day))
            stock += -largest - demand
    return sorted(day for _, day in served)


class HURWarehouseStore(Task):
    """Over N days, A[i] items arrive on the morning of day i and a customer wants B[i] items that evening; choose
    the customers to serve (only from stock on hand) to serve as many as possible.

    The optimum comes from the greedy with exchanges.
    Difficulty: N days, N ← N + 1 from 3; A[i] uniform in [0, N], B[i] uniform in [1, N], redrawn until at least one
    customer can be served.
    Reward: -1 unparsable; -0.5 for a day out of range, a repeated day, or a customer who cannot be served from the
    stock at that point; otherwise (served / most servable)^5.
    Answer: the served days (1-based, as numbered in the statement) on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        for _ in range(_ATTEMPTS):
            arrivals = [rng.randint(0, n) for _ in range(n)]
            demands = [rng.randint(1, n) for _ in range(n)]
            if serve_most(arrivals, demands):
                break
        else:
            arrivals[0] = max(arrivals[0], demands[0])  # practically unreachable: make day 1 servable
        best = serve_most(arrivals, demands)
        parameters = {"N": n, "A": arrivals, "B": demands, "best": len(best)}
        return Instance(parameters, " ".join(str(day + 1) for day in best))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        days = "\n".join(
            f"day {i}: A[{i}]={a} B[{i}]={b}" for i, (a, b) in enumerate(zip(parameters["A"], parameters["B"]), 1)
        )
        return (
            f"You run a store for {n} days, numbered 1 to {n}. On the morning of day i, A[i] items arrive in stock; "
            "in the evening a customer comes and wants B[i] items. You may serve that customer (removing B[i] items "
            "from stock) only if you have at least B[i] items at that moment; unserved customers leave, and unsold "
            f"items stay in stock.\n{days}\n"
            "Choose which customers to serve so that as many customers as possible are served.\n"
            "Write the days of the served customers on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        days = parse_int_list(answer, allow_empty=True)
        n = parameters["N"]
        if len(set(days)) != len(days) or any(not 1 <= day <= n for day in days):
            return rewards.invalid(f"days must be distinct and in [1, {n}]")
        chosen, stock = set(days), 0
        for day, (arriving, demand) in enumerate(zip(parameters["A"], parameters["B"]), 1):
            stock += arriving
            if day in chosen:
                if stock < demand:
                    return rewards.invalid(f"only {stock} items are in stock on day {day}, the customer wants {demand}")
                stock -= demand
        return rewards.optimality(len(days), parameters["best"], _BETA, minimize=False)
