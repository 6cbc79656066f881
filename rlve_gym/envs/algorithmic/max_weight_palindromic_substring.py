"""The palindrome maximising (its length) × (its number of occurrences) in a string."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def count_occurrences(text: str, pattern: str) -> int:
    """Occurrences of a non-empty `pattern` in `text`, overlaps included."""
    if not pattern or len(pattern) > len(text):
        return 0
    count, start = 0, text.find(pattern)
    while start >= 0:
        count += 1
        start = text.find(pattern, start + 1)
    return count


def best_palindrome(text: str) -> str:
    """A palindromic substring with the largest length × occurrence count, via a palindromic tree (eertree):
    one node per distinct palindrome, each occurrence counted at its longest palindromic suffix and then pushed
    down the suffix links."""
    length = [-1, 0]  # node 0: the imaginary root of length -1; node 1: the empty palindrome
    link = [0, 0]
    children: list[dict[str, int]] = [{}, {}]
    occurrences = [0, 0]
    end = [0, 0]
    last = 1

    def extendable(node: int, i: int, char: str) -> bool:
        """Whether the palindrome of `node`, ending just before position i, can be wrapped in `char`."""
        start = i - length[node] - 1
        return start >= 0 and text[start] == char

    for i, char in enumerate(text):
        node = last
        while not extendable(node, i, char):
            node = link[node]
        if char not in children[node]:
            length.append(length[node] + 2)
            if length[-1] == 1:
                link.append(1)
            else:
                suffix = link[node]
                while not extendable(suffix, i, char):
                    suffix = link[suffix]
                link.append(children[suffix][char])
            children.append({})
            occurrences.append(0)
            end.append(i)
            children[node][char] = len(length) - 1
        last = children[node][char]
        occurrences[last] += 1
    best_node, best_weight = 0, 0
    for node in range(len(length) - 1, 1, -1):  # longer palindromes were created later than their suffixes
        occurrences[link[node]] += occurrences[node]
        if length[node] * occurrences[node] >= best_weight:
            best_node, best_weight = node, length[node] * occurrences[node]
    return text[end[best_node] - length[best_node] + 1 : end[best_node] + 1]


class MaxWeightPalindromicSubstring(Task):
    """Find a palindrome T maximising |T| × (number of occurrences of T in S, overlaps counted) for a string S of
    N letters a and b.

    Solved with a palindromic tree (Luogu P3649); the tests check it against every substring.
    Difficulty: N ← int(1.1·N + 1) from 3; each letter is 'a' with a per-instance probability in [0.3, 0.7].
    Reward: -1 unparsable; -0.5 if T is not a palindrome; else (|T| × occurrences / the largest such value)^5.
    Answer: the string T on one line.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        a_probability = rng.uniform(0.3, 0.7)
        parameters = {"S": "".join("a" if rng.random() < a_probability else "b" for _ in range(n))}
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Here is a string S: {parameters['S']}\n"
            "Find a palindrome T (a string that reads the same backwards) for which the length of T multiplied by "
            "the number of times T occurs in S as a contiguous substring (overlapping occurrences count "
            "separately) is as large as possible.\n"
            "Write T on one line."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """A best palindrome (palindromic tree, see `best_palindrome`)."""
        return best_palindrome(parameters["S"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        candidate = answer.strip()
        if candidate != candidate[::-1]:
            return rewards.invalid("the answer is not a palindrome")
        text = parameters["S"]
        best = self.solve(parameters)
        weight = len(candidate) * count_occurrences(text, candidate)
        return rewards.optimality(weight, len(best) * count_occurrences(text, best), _BETA, minimize=False)
