"""Extend a sequence to have as many distinct subsequences as possible."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_ALPHABET_RATIOS = (0.1, 0.2, 0.3, 0.5, 1.0)


def distinct_subsequences(sequence: list[int]) -> int:
    """The number of distinct non-empty subsequences (as value sequences)."""
    total = 1  # counting the empty one
    before_last: dict[int, int] = {}  # value → total just before its latest occurrence was added
    for value in sequence:
        total, before_last[value] = 2 * total - before_last.get(value, 0), total
    return total - 1


def best_extension(prefix: list[int], length: int, alphabet: int) -> list[int]:
    """Append, `length` times, the value whose latest occurrence is oldest (never seen counts as oldest; ties go
    to the smallest value): this maximises the number of distinct subsequences (Codeforces 645E)."""
    latest = dict.fromkeys(range(alphabet), -1)
    for position, value in enumerate(prefix):
        latest[value] = position
    appended = []
    for position in range(len(prefix), len(prefix) + length):
        value = min(range(alphabet), key=lambda v: (latest[v], v))
        appended.append(value)
        latest[value] = position
    return appended


class Maximum_SubsequenceNum(Task):
    """Append N integers from [0, K) to a given sequence of M integers so that the result has as many distinct
    non-empty subsequences as possible (subsequences compared by their values).

    The optimum repeatedly appends the value whose last occurrence is the oldest; the tests check it against
    every extension at small sizes.
    Difficulty: N and M ← int(1.1·x + 1) from 2; K drawn from {2} ∪ {int(N·r) ≥ 2 : r ∈ 0.1, 0.2, 0.3, 0.5, 1};
    the given sequence is uniform over [0, K)^M.
    Reward: -1 unparsable; -0.5 unless the answer is N integers in [0, K); else (distinct subsequences / most
    possible)^5.
    Answer: the N appended integers on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(2, difficulty), "M": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        n, m = sizes["N"], sizes["M"]
        alphabets = sorted({2} | {int(n * ratio) for ratio in _ALPHABET_RATIOS if int(n * ratio) >= 2})
        alphabet = rng.choice(alphabets)
        parameters = {"A": [rng.randint(0, alphabet - 1) for _ in range(m)], "N": n, "K": alphabet}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        prefix, n, k = parameters["A"], parameters["N"], parameters["K"]
        return (
            f"Here is a sequence of {len(prefix)} integers: {' '.join(map(str, prefix))}\n"
            f"Append {n} more integers, each in [0, {k}) (that is, from 0 to {k - 1}), to obtain a sequence of length "
            f"{len(prefix) + n}. Make the number of distinct non-empty subsequences of the final sequence as large as "
            "possible. A subsequence keeps some entries (at least one) in their original order, not necessarily "
            "contiguous; two subsequences are the same when they have the same values in the same order.\n"
            f"Write the {n} appended integers on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal extension (oldest-last-occurrence greedy, see `best_extension`)."""
        return best_extension(parameters["A"], parameters["N"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        appended = parse_int_list(answer)
        prefix, n, k = parameters["A"], parameters["N"], parameters["K"]
        if len(appended) != n or any(not 0 <= value < k for value in appended):
            return rewards.invalid(f"expected {n} integers in [0, {k})")
        best = distinct_subsequences(prefix + self.solve(parameters))
        return rewards.optimality(distinct_subsequences(prefix + appended), best, _BETA, minimize=False)
