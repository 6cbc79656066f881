"""The longest substring of the form A + reverse(A) + A + reverse(A)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def is_double_mirror(text: str) -> bool:
    """Whether text = A + reverse(A) + A + reverse(A) for a non-empty A."""
    quarter = len(text) // 4
    if not text or len(text) % 4:
        return False
    a = text[:quarter]
    return text == a + a[::-1] + a + a[::-1]


def longest_double_mirror(text: str) -> str:
    """The longest substring A + A^R + A + A^R ('' if none).

    T = text[i:i+4L] has that form exactly when T and its first half are even palindromes (then the second half
    is the mirror of the first, itself a mirrored A). radius[c] is the largest k with text[c-k:c+k] a palindrome.
    """
    n = len(text)
    radius = [0] * (n + 1)
    for centre in range(1, n):
        k = 0
        while centre - k - 1 >= 0 and centre + k < n and text[centre - k - 1] == text[centre + k]:
            k += 1
        radius[centre] = k
    best = ""
    for start in range(n):
        for quarter in range(len(best) // 4 + 1, (n - start) // 4 + 1):
            if radius[start + 2 * quarter] >= 2 * quarter and radius[start + quarter] >= quarter:
                best = text[start : start + 4 * quarter]
    return best


class Longest_RepeatedPalindrome(Task):
    """Find the longest substring T of a binary string S with T = A + A^R + A + A^R (A^R is A reversed).

    Such a block is planted between random flanks (characters are 1 with a probability drawn in [0.1, 0.9]); the
    optimum comes from even-palindrome radii: T and its first half must both be even palindromes.
    Difficulty: N ← int(1.1·N + 1) from 5; |A| uniform in [1, ⌊N/4⌋], the block's position uniform.
    Reward: -1 unparsable; -0.5 unless the answer is a substring of S of that form; otherwise
    (|T| / longest length)^5.
    Answer: the substring T itself, on one line.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        one_probability = rng.uniform(0.1, 0.9)

        def noise(length: int) -> str:
            return "".join("1" if rng.random() < one_probability else "0" for _ in range(length))

        quarter = rng.randint(1, n // 4)
        block = noise(quarter)
        before = rng.randint(0, n - 4 * quarter)
        text = noise(before) + (block + block[::-1]) * 2 + noise(n - before - 4 * quarter)
        best = longest_double_mirror(text)
        return Instance({"N": n, "S": text, "best": len(best)}, best)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"The binary string S is: {parameters['S']}\n"
            "Find the longest substring T of S (a contiguous part) of the form T = A + A^R + A + A^R, where A is a "
            "non-empty string, A^R is A written backwards, and + joins strings.\n"
            "Write T itself on one line."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        candidate = "".join(answer.split())
        if candidate not in parameters["S"] or not is_double_mirror(candidate):
            return rewards.invalid("the answer must be a substring of S of the form A + A^R + A + A^R")
        return rewards.optimality(len(candidate), parameters["best"], _BETA, minimize=False)
