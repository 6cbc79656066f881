"""Reach a target string by 'shift x' operations that move a reversed suffix to the front (Codeforces 936C)."""

from __future__ import annotations

import random
import string
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped


def shift(text: str, length: int) -> str:
    """'shift x': the suffix of `length` characters, reversed, moved to the front."""
    return text[len(text) - length :][::-1] + text[: len(text) - length]


class StringReversalConstruction(Task):
    """Turn a string s into a string t with at most 3n operations 'shift x' (reverse the suffix of length x and move
    it to the front).

    t is planted: s is uniform over lowercase strings of length n and t is s after between 1 and max(1, n/2)
    random shifts with x in [1, n]; those shifts are the reference answer. Any valid sequence is accepted.
    Difficulty: n = 3 + d.
    Reward: -1 unparsable; -0.5 for more than 3n operations or an x outside [0, n]; 1 if the operations turn s
    into t, else 0.
    Answer: the values x of the operations, in order, on one line separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"n": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["n"]
        source = "".join(rng.choice(string.ascii_lowercase) for _ in range(n))
        operations = [rng.randint(1, n) for _ in range(rng.randint(1, max(1, n // 2)))]
        target = source
        for length in operations:
            target = shift(target, length)
        return Instance({"s": source, "t": target}, " ".join(map(str, operations)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        source, target = parameters["s"], parameters["t"]
        n = len(source)
        return (
            f'A screen shows the string "{source}" of {n} lowercase letters; you must make it show "{target}".\n'
            f"The only operation is 'shift x' for an integer x with 0 ≤ x ≤ {n}: write the current string as "
            "p = a + b where b is its last x letters, and replace it by reverse(b) + a. For example, shift 3 turns "
            '"hello" into "ollhe".\n'
            f"Use at most {3 * n} operations.\n"
            "Write the values x of your operations, in the order they are applied, on one line separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        operations = parse_int_list(answer)
        text = parameters["s"]
        n = len(text)
        if len(operations) > 3 * n:
            return rewards.invalid(f"more than {3 * n} operations")
        if any(not 0 <= length <= n for length in operations):
            return rewards.invalid(f"every x must lie in [0, {n}]")
        for length in operations:
            text = shift(text, length)
        return rewards.correct() if text == parameters["t"] else rewards.wrong("the string does not match t")
