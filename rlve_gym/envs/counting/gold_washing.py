"""Digit products: the sum of the K largest values of g(a, b) = #{x : f(x) = a}·#{y : f(y) = b}."""

from __future__ import annotations

import heapq
import random
from collections import Counter
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def digit_product_counts(n: int) -> Counter[int]:
    """How many x in [1, n] have each non-zero digit product (a digit DP over the decimal digits of n)."""
    digits = list(map(int, str(n)))
    counts: Counter[int] = Counter()
    # numbers shorter than n: any length-L string of digits 1..9
    shorter: Counter[int] = Counter({1: 1})
    for _ in range(1, len(digits)):
        grown_counter: Counter[int] = Counter()
        for product, ways in shorter.items():
            for digit in range(1, 10):
                grown_counter[product * digit] += ways
        shorter = grown_counter
        counts.update(shorter)
    # numbers of n's length that are at most n: a free part after the first digit below n's digit
    prefix_product = 1
    for position, limit in enumerate(digits):
        free: Counter[int] = Counter()
        for digit in range(1, limit):
            free[prefix_product * digit] += 1
        for _ in range(position + 1, len(digits)):
            extended: Counter[int] = Counter()
            for product, ways in free.items():
                for digit in range(1, 10):
                    extended[product * digit] += ways
            free = extended
        counts.update(free)
        if limit == 0:
            break
        prefix_product *= limit
    else:
        counts[prefix_product] += 1  # n itself, which has no zero digit
    return counts


def largest_pair_products(values: list[int], k: int) -> int:
    """Σ of the k largest values[i]·values[j] over ordered pairs (i, j), all values ≥ 0 (fewer pairs: all of them)."""
    values = sorted(values, reverse=True)
    if not values:
        return 0
    heap = [(-values[i] * values[0], i, 0) for i in range(len(values))]
    heapq.heapify(heap)
    total = 0
    for _ in range(min(k, len(values) ** 2)):
        negative, i, j = heapq.heappop(heap)
        total -= negative
        if j + 1 < len(values):
            heapq.heappush(heap, (-values[i] * values[j + 1], i, j + 1))
    return total


class GoldWashing(Task):
    """With f(x) the product of x's decimal digits, sum the K largest of g(a, b) over 1 ≤ a, b ≤ N.

    g(a, b) is the number of pairs (x, y) with x, y in [1, N], f(x) = a and f(y) = b, so g(a, b) = c(a)·c(b) with
    c counted by a digit DP; the K largest products come from a heap over the sorted counts.
    Difficulty: N uniform in [2, MAX_N], MAX_N ← int(1.1·MAX_N + 1) from 5; K uniform in [1, N].
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true sum.
    Answer: one positive integer, the sum.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = rng.randint(2, self.ladder(difficulty)["max_n"])
        parameters = {"N": n, "K": rng.randint(1, n)}
        parameters["total"] = self.solve(parameters)
        return Instance(parameters, str(parameters["total"]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k = parameters["N"], parameters["K"]
        return (
            "Let f(x) be the product of the decimal digits of x; for example f(123) = 1 × 2 × 3 = 6.\n"
            f"For integers a and b, let g(a, b) be the number of pairs (x, y) with 1 ≤ x ≤ {n}, 1 ≤ y ≤ {n}, "
            "f(x) = a and f(y) = b.\n"
            f"Consider the values g(a, b) for all pairs 1 ≤ a ≤ {n}, 1 ≤ b ≤ {n}, sorted from largest to smallest. "
            f"What is the sum of the first {k} of them?\n"
            "Your answer should be a single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum of the K largest g(a, b)."""
        n = parameters["N"]
        counts = [count for product, count in digit_product_counts(n).items() if 1 <= product <= n]
        return largest_pair_products(counts, parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the sum must be a positive integer")
        return rewards.exact_or_closeness(value, parameters["total"], _BETA)
