"""Ways to cut a binary string into palindromes."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


class PalindromePartitionCounting(Task):
    """Count the ways to cut a 0/1 string of length N into non-empty palindromic pieces (any number of pieces).

    Difficulty: N grows as N ← int(1.1·N + 1) from 5; each character is 0 with a probability drawn from
    {0.1, 0.2, …, 0.9} per instance.
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true count.
    Answer: one positive integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        zero_probability = rng.randint(1, 9) / 10
        parameters = {"S": "".join("0" if rng.random() < zero_probability else "1" for _ in range(n))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Consider the string {parameters['S']} (length {len(parameters['S'])}). In how many ways can it be "
            "cut into consecutive non-empty pieces so that every piece is a palindrome (reads the same forwards "
            "and backwards)? Any number of pieces is allowed, including a single piece.\n"
            "Answer with a single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """ways[i] = Σ ways[j] over palindromic S[j:i]; palindromes found by expanding around each centre."""
        text = parameters["S"]
        n = len(text)
        ends_at: list[list[int]] = [[] for _ in range(n + 1)]  # ends_at[i]: starts j with S[j:i] a palindrome
        for centre in range(2 * n - 1):
            left, right = centre // 2, (centre + 1) // 2
            while left >= 0 and right < n and text[left] == text[right]:
                ends_at[right + 1].append(left)
                left, right = left - 1, right + 1
        ways = [1] + [0] * n
        for end in range(1, n + 1):
            ways[end] = sum(ways[start] for start in ends_at[end])
        return ways[n]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
