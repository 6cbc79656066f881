"""The longest substring that splits into two non-empty palindromes."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def longest_double_palindrome(text: str) -> tuple[int, int, int]:
    """(A, B, C) maximising C - A with text[A:B] and text[B:C] non-empty palindromes.

    Expanding around every centre gives, for each position, the earliest start of a palindrome ending there and
    the latest end of one starting there; the best split point B pairs the two.
    """
    n = len(text)
    earliest_start = list(range(n))  # of a palindrome ending at index i
    latest_end = list(range(n))  # of a palindrome starting at index i (inclusive end)
    for centre in range(2 * n - 1):
        left, right = centre // 2, (centre + 1) // 2
        while left >= 0 and right < n and text[left] == text[right]:
            earliest_start[right] = min(earliest_start[right], left)
            latest_end[left] = max(latest_end[left], right)
            left, right = left - 1, right + 1
    best = (0, 1, 2)
    for split in range(1, n):
        start, end = earliest_start[split - 1], latest_end[split] + 1
        if end - start > best[2] - best[0]:
            best = (start, split, end)
    return best


def _palindrome(rng: random.Random, length: int, one_probability: float) -> str:
    half = "".join("1" if rng.random() < one_probability else "0" for _ in range(length // 2))
    middle = ("1" if rng.random() < one_probability else "0") if length % 2 else ""
    return half + middle + half[::-1]


class Longest_DoublePalindrome(Task):
    """In a binary string S, find A < B < C with S[A:B] and S[B:C] palindromes, maximising C - A.

    Two adjacent palindromes are planted between random flanks (characters are 1 with a probability drawn in
    [0.1, 0.9]); the optimum comes from the longest palindromes ending and starting at each position.
    Difficulty: N ← int(1.1·N + 1) from 5; the three planted boundaries are distinct points of [0, N].
    Reward: -1 unparsable or not three integers; -0.5 unless 0 ≤ A < B < C ≤ N and both parts are palindromes;
    otherwise ((C - A) / longest)^5.
    Answer: A, B and C on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        one_probability = rng.uniform(0.1, 0.9)
        start, middle, end = sorted(rng.sample(range(n + 1), 3))

        def noise(length: int) -> str:
            return "".join("1" if rng.random() < one_probability else "0" for _ in range(length))

        text = (
            noise(start)
            + _palindrome(rng, middle - start, one_probability)
            + _palindrome(rng, end - middle, one_probability)
            + noise(n - end)
        )
        a, b, c = longest_double_palindrome(text)
        return Instance({"N": n, "S": text, "best": c - a}, f"{a} {b} {c}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"The string S has length {n} (indices 0 to {n - 1}): {parameters['S']}\n"
            f"Find integers A, B, C with 0 ≤ A < B < C ≤ {n} such that S[A:B] and S[B:C] are both palindromes, "
            "making C - A as large as possible. Here S[a:b] is the substring S[a] S[a+1] ... S[b-1].\n"
            "Write A, B and C on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        points = parse_int_list(answer)
        if len(points) != 3:
            raise AnswerFormatError("expected three integers A B C")
        a, b, c = points
        text = parameters["S"]
        if not 0 <= a < b < c <= len(text):
            return rewards.invalid(f"need 0 ≤ A < B < C ≤ {len(text)}")
        if text[a:b] != text[a:b][::-1] or text[b:c] != text[b:c][::-1]:
            return rewards.invalid("both parts must be palindromes")
        return rewards.optimality(c - a, parameters["best"], _BETA, minimize=False)
