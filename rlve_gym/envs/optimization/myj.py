"""Car washes: price N shops so that customers, each buying at the cheapest shop of a range if cheap enough, pay
the most in total."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0


def revenue(prices: list[int], customers: list[list[int]]) -> int:
    """Σ over customers (a, b, c) of the lowest price among shops a..b (1-based), when it is at most c."""
    total = 0
    for a, b, c in customers:
        lowest = min(prices[a - 1 : b])
        if lowest <= c:
            total += lowest
    return total


def best_prices(n: int, customers: list[list[int]]) -> list[int]:
    """Prices with the largest revenue (interval DP over the position and value of a segment's cheapest shop).

    Optimal prices can be taken among the customers' limits c. With the limits v_1 > v_2 > ... and level k meaning
    "every price in the segment is at least v_k", best[k][l][r] is the most earned from customers inside shops l..r:
    either every price is above v_k (level k - 1), or the cheapest shop p costs v_k and every customer inside l..r
    whose range covers p and whose limit is at least v_k pays v_k, plus the best of l..p-1 and p+1..r at level k.
    """
    values = sorted({c for _, _, c in customers}, reverse=True)
    # inside[l][r]: customers with limit ≥ the current level's value whose range lies within shops l..r
    inside = [[0] * (n + 2) for _ in range(n + 2)]
    previous = [[0] * (n + 2) for _ in range(n + 2)]
    choices: list[list[list[int]]] = []  # per level: chosen cheapest shop of l..r, or 0 to inherit
    by_value: dict[int, list[tuple[int, int]]] = {}
    for a, b, c in customers:
        by_value.setdefault(c, []).append((a, b))
    for value in values:
        for a, b in by_value[value]:
            for left in range(1, a + 1):
                row = inside[left]
                for right in range(b, n + 1):
                    row[right] += 1
        current = [[0] * (n + 2) for _ in range(n + 2)]
        choice = [[0] * (n + 2) for _ in range(n + 2)]
        for length in range(1, n + 1):
            for left in range(1, n - length + 2):
                right = left + length - 1
                best, picked = previous[left][right], 0
                covering_all = inside[left][right]
                for p in range(left, right + 1):
                    covering = covering_all - inside[left][p - 1] - inside[p + 1][right]
                    earned = current[left][p - 1] + current[p + 1][right] + covering * value
                    if earned > best:
                        best, picked = earned, p
                current[left][right], choice[left][right] = best, picked
        previous = current
        choices.append(choice)
    prices = [values[0] if values else 1] * n
    stack = [(len(values) - 1, 1, n)]
    while stack:
        level, left, right = stack.pop()
        if left > right:
            continue
        while level >= 0 and choices[level][left][right] == 0:
            level -= 1
        if level < 0:
            continue  # nothing sold here: the default (highest) price is as good as any
        p = choices[level][left][right]
        prices[p - 1] = values[level]
        stack += [(level, left, p - 1), (level, p + 1, right)]
    return prices


class MYJ(Task):
    """Set a price for each of N shops; customer (a, b, c) buys once at the cheapest shop among a..b if that price is
    at most c. Maximise the total paid.

    Solved exactly by an interval DP over the cheapest shop of each segment and its price, with prices drawn from
    the customers' limits. RLVE accepts any integers as prices; here they must be positive, as the prompt says.
    Difficulty: N shops, N ← N + 1 from 3; M uniform in [1, N(N+1)/2] customers with uniform ranges and limits c
    uniform in [1, N(N+1)/2].
    Reward: -1 unparsable; -0.5 unless there are N positive integer prices; otherwise (revenue / best revenue)^5.
    Answer: P[1] P[2] ... P[N] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        top = n * (n + 1) // 2
        customers = []
        for _ in range(rng.randint(1, top)):
            a, b = rng.randint(1, n), rng.randint(1, n)
            customers.append([min(a, b), max(a, b), rng.randint(1, top)])
        prices = best_prices(n, customers)
        parameters = {"N": n, "customers": customers, "best": revenue(prices, customers)}
        return Instance(parameters, " ".join(map(str, prices)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, customers = parameters["N"], parameters["customers"]
        listed = "\n".join(f"({a}, {b}, {c})" for a, b, c in customers)
        return (
            f"There are {n} shops in a row, numbered 1 to {n}, and you set the price P[i] of the item at shop i (a "
            f"positive integer). There are {len(customers)} customers, each written (a, b, c): the customer looks at "
            "shops a to b, finds the lowest price there, and buys one item at that price if it is at most c (otherwise "
            f"buys nothing):\n{listed}\n"
            "Choose the prices so that the total money paid by all customers is as large as possible.\n"
            f"Write P[1], P[2], ..., P[{n}] on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        prices = parse_int_list(answer)
        n = parameters["N"]
        if len(prices) != n or any(price < 1 for price in prices):
            return rewards.invalid(f"expected {n} positive integer prices")
        return rewards.optimality(revenue(prices, parameters["customers"]), parameters["best"], _BETA, minimize=False)
