"""The longest substring of a p/j string in which every prefix and every suffix has at least as many p as j
(POI 2015, Salad Bar)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_MAX_P_PROBABILITY = 0.7
_DRAWS = 32


def is_balanced(text: str) -> bool:
    """Every prefix and every suffix of `text` has at least as many 'p' as 'j'."""
    for letters in (text, text[::-1]):
        balance = 0
        for letter in letters:
            balance += 1 if letter == "p" else -1
            if balance < 0:
                return False
    return True


def longest_balanced(text: str) -> tuple[int, int]:
    """(l, r) of a longest balanced text[l:r] (empty (0, 0) when the text has no 'p').

    With prefix sums P (p = +1, j = -1), text[l:r] is balanced iff P[l] is the minimum and P[r] the maximum of
    P[l..r]. For a start l, the window may reach up to just before the first later prefix below P[l]; the best end
    is then the rightmost maximum of P inside that window (a sparse table answers it).
    """
    n = len(text)
    prefix = [0] * (n + 1)
    for i, letter in enumerate(text):
        prefix[i + 1] = prefix[i] + (1 if letter == "p" else -1)
    reach = [n] * (n + 1)  # last index before the next strictly smaller prefix
    stack: list[int] = []
    for k in range(n + 1):
        while stack and prefix[stack[-1]] > prefix[k]:
            reach[stack.pop()] = k - 1
        stack.append(k)

    def better(a: int, b: int) -> int:  # rightmost maximum
        return a if (prefix[a], a) > (prefix[b], b) else b

    table = [list(range(n + 1))]
    width = 1
    while 2 * width <= n + 1:
        row = table[-1]
        table.append([better(row[i], row[i + width]) for i in range(n + 2 - 2 * width)])
        width *= 2
    best = (0, 0)
    for l in range(n + 1):
        high = reach[l]
        level = (high - l + 1).bit_length() - 1
        end = better(table[level][l], table[level][high - (1 << level) + 1])
        if end - l > best[1] - best[0]:
            best = (l, end)
    return best


class SaladBar(Task):
    """Find the longest substring of a string over {p, j} in which every prefix and every suffix contains at least
    as many p as j.

    Difficulty: N grows as N ← int(1.1·N + 1) from 3; each letter is p with a probability drawn per instance in
    [0, 0.7]; both letters occur.
    Reward: -1 unparsable; -0.5 if the bounds are out of range or the substring breaks the rule; otherwise
    (length / longest length)^5.
    Answer: two integers l and r separated by a space, for the substring S[l:r] (0 ≤ l < r ≤ N, Python slicing).
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        j_probability = 1.0 - rng.uniform(0.0, _MAX_P_PROBABILITY)
        for _ in range(_DRAWS):
            text = "".join("j" if rng.random() < j_probability else "p" for _ in range(n))
            if "p" in text and "j" in text:
                break
        else:  # a p-probability near 0: plant the missing letter (the other one still occurs N - 1 times)
            position = rng.randrange(n)
            text = text[:position] + ("p" if "p" not in text else "j") + text[position + 1 :]
        parameters = {"S": text}
        left, right = longest_balanced(text)
        return Instance(parameters, f"{left} {right}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        text = parameters["S"]
        n = len(text)
        return (
            f"Here is a string S of length {n} made of the letters p and j (positions 0 to {n - 1}): {text}\n"
            f"Choose a non-empty contiguous substring S[l:r] (Python slicing: 0 ≤ l < r ≤ {n}, the letters S[l] "
            "up to S[r-1]) such that every prefix of the substring contains at least as many p as j, and every "
            "suffix of the substring also contains at least as many p as j. Make the substring as long as possible.\n"
            "Write l and r on one line, separated by a space."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        bounds = parse_int_list(answer)
        if len(bounds) != 2:
            raise AnswerFormatError("expected two integers l and r")
        text = parameters["S"]
        left, right = bounds
        if not 0 <= left < right <= len(text):
            return rewards.invalid("the bounds must satisfy 0 ≤ l < r ≤ N")
        if not is_balanced(text[left:right]):
            return rewards.invalid("some prefix or suffix has more j than p")
        best_left, best_right = longest_balanced(text)
        return rewards.optimality(right - left, best_right - best_left, 5.0, minimize=False)
