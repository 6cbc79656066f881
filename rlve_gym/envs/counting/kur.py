"""Count occurrences of a pattern in the binary string C[i] = [(A·i + B) mod N ≥ P]."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled, grown

_BETA = 10.0
_ATTEMPTS = 100


def occurrences(n: int, a: int, b: int, p: int, pattern: str) -> int:
    """How many i in [0, n - len(pattern)] have C[i..i+len-1] = pattern, where C[i] = 0 iff (a·i + b) mod n < p.

    Since gcd(a, n) = 1, i ↦ t = a·i mod n is a bijection, and character x of the window at i matches iff
    (t + a·x + b) mod n lies in [0, p) (for '0') or [p, n) (for '1'): a cyclic interval of t. Count the t outside
    the union of the complementary intervals and of the t of windows that would run past the end.
    """
    bad: list[tuple[int, int]] = []  # half-open [start, end) in [0, n)
    for x, char in enumerate(pattern):
        shift = (a * x + b) % n
        # mismatch when (t + shift) mod n is in [p, n) for '0' or in [0, p) for '1'
        low, high = (p, n) if char == "0" else (0, p)
        start, end = (low - shift) % n, (high - shift) % n
        if start < end:
            bad.append((start, end))
        elif start > end:
            bad.extend([(start, n), (0, end)])
        else:  # a full or empty cycle: high - low is never 0 or n here since 0 < p < n
            raise ValueError("p must lie in (0, n)")
    bad.extend(((a * i) % n, (a * i) % n + 1) for i in range(n - len(pattern) + 1, n))
    bad.sort()
    covered, reach = 0, 0
    for start, end in bad:
        if end > reach:
            covered += end - max(start, reach)
            reach = end
    return n - covered


class KUR(Task):
    """Count the occurrences of a binary pattern T in the length-N string with C[i] = 0 iff (A·i + B) mod N < P.

    gcd(A, N) = 1 turns every window condition into a cyclic interval of A·i mod N, so the count is N minus the size
    of a union of O(|T|) intervals. T is a substring of C (so the count is ≥ 1): the prefixes of C from a random
    start, up to MAX_M long, are grouped by count; a count is drawn uniformly, then one of its prefixes.
    Difficulty: N uniform in [8, MAX_N], MAX_N ← 2·MAX_N from 8; |T| ≤ MAX_M, MAX_M ← int(1.1·MAX_M + 1) from 8;
    A uniform in [2, N - 1] coprime to N, B in [0, N - 1], P in [1, N - 1].
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one non-negative integer, the number of occurrences.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n": doubled(8, difficulty), "max_m": grown(8, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        for _ in range(_ATTEMPTS):
            n = rng.randint(8, size["max_n"])
            a, b, p = rng.randint(2, n - 1), rng.randint(0, n - 1), rng.randint(1, n - 1)
            if math.gcd(a, n) == 1:
                break
        else:
            a = n - 1  # always coprime to n
        start = rng.randint(0, n - 2)
        pattern, by_count = "", {}
        for i in range(start, min(n, start + size["max_m"])):
            pattern += "0" if (a * i + b) % n < p else "1"
            by_count.setdefault(occurrences(n, a, b, p, pattern), []).append(pattern)
        count = rng.choice(list(by_count))
        parameters = {"N": n, "A": a, "B": b, "P": p, "T": rng.choice(by_count[count]), "count": count}
        return Instance(parameters, str(count))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, a, b, p = parameters["N"], parameters["A"], parameters["B"], parameters["P"]
        return (
            f"A binary string C has length {n}, with characters C[0], C[1], ..., C[{n - 1}]. For each index i, "
            f"C[i] = 0 if ({a} × i + {b}) mod {n} < {p}, and C[i] = 1 otherwise ({a} and {n} are coprime).\n"
            f"How many times does the string {parameters['T']} occur in C as a contiguous substring (occurrences may "
            "overlap)?\n"
            "Your answer should be a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of occurrences."""
        return occurrences(parameters["N"], parameters["A"], parameters["B"], parameters["P"], parameters["T"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count must be a non-negative integer")
        return rewards.exact_or_closeness(value, parameters["count"], _BETA)
