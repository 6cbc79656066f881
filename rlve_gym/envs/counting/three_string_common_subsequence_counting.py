"""Count the distinct non-empty strings that are subsequences of three given a/b strings."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0
_ALPHABET = "ab"


def _next_positions(text: str) -> list[dict[str, int]]:
    """next[i][c]: the 1-based position of the first c at or after position i + 1 (0 when there is none)."""
    table = [dict.fromkeys(_ALPHABET, 0) for _ in range(len(text) + 1)]
    for i in range(len(text) - 1, -1, -1):
        table[i] = dict(table[i + 1])
        table[i][text[i]] = i + 1
    return table


class ThreeStringCommonSubsequenceCounting(Task):
    """Count the distinct non-empty strings that are subsequences of all three strings A, B and C.

    Each string has a length uniform in [3, MAX_N] and letters drawn independently, 'a' with a probability p
    (uniform in [0, 1), shared by the three strings) and 'b' otherwise. Every common subsequence is matched
    greedily (each letter at its earliest possible position in every string), so the count is a sum over the
    triples of positions reached that way: f(i, j, k) = 1 + Σ_letters f(next positions), minus the empty string.
    Difficulty: MAX_N ← MAX_N + 1 from 3.
    Reward: -1 unparsable or negative; otherwise (min/max of answer and truth)^10 (0 scores 1 only when the truth
    is 0).
    Answer: one non-negative integer, the number of such strings.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        longest = self.ladder(difficulty)["MAX_N"]
        a_probability = rng.random()
        strings = [
            "".join("a" if rng.random() < a_probability else "b" for _ in range(rng.randint(3, longest)))
            for _ in range(3)
        ]
        parameters = {"S": strings}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        first, second, third = parameters["S"]
        return (
            f"Consider the three strings\nA: {first}\nB: {second}\nC: {third}\n"
            "A string T is a subsequence of a string S when T can be obtained by deleting zero or more characters of "
            "S while keeping the order of the rest. How many different non-empty strings are subsequences of A, B "
            "and C at the same time?\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of distinct non-empty common subsequences."""
        tables = [_next_positions(text) for text in parameters["S"]]
        lengths = [len(text) for text in parameters["S"]]
        # count[(i, j, k)] = number of strings (the empty one included) matchable after prefixes i, j, k
        count: dict[tuple[int, int, int], int] = {}
        for i in range(lengths[0], -1, -1):
            for j in range(lengths[1], -1, -1):
                for k in range(lengths[2], -1, -1):
                    total = 1
                    for letter in _ALPHABET:
                        nexts = (tables[0][i][letter], tables[1][j][letter], tables[2][k][letter])
                        if all(nexts):
                            total += count[nexts]
                    count[(i, j, k)] = total
        return count[(0, 0, 0)] - 1

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("a count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
