"""Fewest operations to build a 0/1 string by adding characters at the ends and mirroring."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import grown

_OPERATIONS = ("add_front", "add_back", "mirror_front", "mirror_back")
_DRAWS = 20


def even_palindromes(text: str) -> list[str]:
    """The distinct non-empty even-length palindromic substrings of `text`, shortest first."""
    found = set()
    for centre in range(1, len(text)):
        left, right = centre - 1, centre
        while left >= 0 and right < len(text) and text[left] == text[right]:
            found.add(text[left : right + 1])
            left, right = left - 1, right + 1
    return sorted(found, key=lambda p: (len(p), p))


class VirusSynthesis(Task):
    """Build a given 0/1 string from the empty string with as few operations as possible; an operation adds one
    character at the front or the back, or replaces the string S by S'S or SS' (S' the reverse of S).

    After the last mirroring only single characters are added, so the cost is min(|S|, min over even palindromes
    P in S of g(P) + |S| − |P|), where g(P), the cost of making P by a final mirroring, is 1 plus the same
    quantity for P's half. The reference evaluates this over the distinct even palindromes, shortest first
    (CEOI 2011 "Virus Synthesis").
    Difficulty: the string is grown by random operations (four weights uniform in [1, L]) until its length reaches
    L, L ← int(1.1·L + 1) from 4; mirroring can double it at the last step. Unlike RLVE, a string of one repeated
    character (often "0" mirrored again and again, the same trivial problem for many seeds) is redrawn, up to 20
    times.
    Reward: -1 unparsable; 1 for the right count, else 0.
    Answer: one integer, the least number of operations.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"loose_MAX_N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        target = self.ladder(difficulty)["loose_MAX_N"]
        for _ in range(_DRAWS):
            text = self._grow(rng, target)
            if "0" in text and "1" in text:
                break
        parameters = {"S": text}
        return Instance(parameters, str(self.solve(parameters)))

    @staticmethod
    def _grow(rng: random.Random, target: int) -> str:
        """A string made by random operations, stopped once it is `target` long or longer."""
        weights = [rng.randint(1, target) for _ in _OPERATIONS]
        text = ""
        while len(text) < target:
            # mirroring the empty string changes nothing, so the first operation is drawn among the additions
            allowed = _OPERATIONS if text else _OPERATIONS[:2]
            operation = rng.choices(allowed, weights[: len(allowed)])[0]
            if operation == "add_front":
                text = rng.choice("01") + text
            elif operation == "add_back":
                text += rng.choice("01")
            elif operation == "mirror_front":
                text = text[::-1] + text
            else:
                text += text[::-1]
        return text

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "Start from the empty string. One operation is one of:\n"
            "1. add a single character at the beginning or at the end of the current string;\n"
            "2. with S the current string and S' its reverse, replace S by S' + S or by S + S' (+ joins strings).\n"
            f"What is the smallest number of operations that produces exactly this string?\n{parameters['S']}\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The least number of operations."""
        text = parameters["S"]
        palindromes = even_palindromes(text)
        mirrored: dict[str, int] = {}  # g(P): cheapest way to make P whose last operation is a mirroring
        for palindrome in palindromes:
            half = palindrome[: len(palindrome) // 2]
            build_half = min(
                [len(half)] + [mirrored[q] + len(half) - len(q) for q in mirrored if len(q) <= len(half) and q in half]
            )
            mirrored[palindrome] = build_half + 1
        return min([len(text)] + [cost + len(text) - len(p) for p, cost in mirrored.items()])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
