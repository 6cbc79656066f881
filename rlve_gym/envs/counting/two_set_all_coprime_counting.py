"""Count the pairs of disjoint subsets whose elements are pairwise coprime across the two sets."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.numbers import primes_up_to

_BETA = 10.0


class TwoSet_AllCoprime_Counting(Task):
    """Count the ordered pairs (S, T) of disjoint subsets of a given set of integers (either may be empty) such
    that gcd(x, y) = 1 for every x in S and y in T.

    Equivalently, no prime divides both an element of S and an element of T. Every number has at most one prime
    factor above √max; the primes below it are few, so a DP over (primes used by S, primes used by T) processes
    the numbers one by one, except that numbers sharing a large prime are handled together: all of them go to
    S-or-neither, or all to T-or-neither (NOI 2015 "Sushi Dinner").
    Difficulty: the set is |A| distinct numbers from [2, N], |A| uniform in [2, N − 1], N ← int(1.1·N + 1) from 8.
    Reward: -1 unparsable or not positive; otherwise (min/max of answer and truth)^10.
    Answer: one positive integer, the number of pairs (S, T).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(8, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"set": rng.sample(range(2, n + 1), rng.randint(2, n - 1))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Here is a set of integers: {' '.join(map(str, parameters['set']))}\n"
            "Count the ordered pairs (S, T) of subsets of this set such that S and T have no element in common "
            "(either may be empty) and gcd(x, y) = 1 for every x in S and every y in T.\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of pairs (S, T)."""
        numbers = parameters["set"]
        root = math.isqrt(max(numbers))
        small = primes_up_to(root)
        large_groups: dict[int, list[int]] = {}
        singles: list[int] = []
        for value in numbers:
            mask, rest = 0, value
            for bit, p in enumerate(small):
                if rest % p == 0:
                    mask |= 1 << bit
                    while rest % p == 0:
                        rest //= p
            if rest > 1:  # one prime factor above √max remains
                large_groups.setdefault(rest, []).append(mask)
            else:
                singles.append(mask)

        def place(ways: dict[tuple[int, int], int], mask: int, sides: str) -> dict[tuple[int, int], int]:
            grown_ways = dict(ways)  # the number joins neither set
            for (used_s, used_t), count in ways.items():
                if "S" in sides and not mask & used_t:
                    key = (used_s | mask, used_t)
                    grown_ways[key] = grown_ways.get(key, 0) + count
                if "T" in sides and not mask & used_s:
                    key = (used_s, used_t | mask)
                    grown_ways[key] = grown_ways.get(key, 0) + count
            return grown_ways

        ways = {(0, 0): 1}
        for mask in singles:
            ways = place(ways, mask, "ST")
        for _, masks in sorted(large_groups.items()):
            only_s, only_t = ways, ways
            for mask in masks:
                only_s, only_t = place(only_s, mask, "S"), place(only_t, mask, "T")
            merged = dict(only_s)
            for key, count in only_t.items():
                merged[key] = merged.get(key, 0) + count
            for key, count in ways.items():  # the whole group in neither set was counted on both sides
                merged[key] -= count
            ways = merged
        return sum(ways.values())

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
