"""Make a binary string alternating with the fewest swaps of two characters."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def is_alternating(text: str) -> bool:
    """True iff no two neighbouring characters are equal."""
    return all(a != b for a, b in itertools.pairwise(text))


def fewest_swaps(text: str) -> list[tuple[int, int]]:
    """A shortest list of swaps making `text` alternating (its counts of 0 and 1 differ by at most one).

    A swap fixes at most two misplaced characters, one of each kind, so for a reachable target pattern the
    misplaced 0s and 1s pair up exactly; the better of the (at most two) patterns wins.
    """
    best: list[tuple[int, int]] | None = None
    for first in "01":
        target = [first if i % 2 == 0 else "10"[int(first)] for i in range(len(text))]
        if sorted(target) != sorted(text):
            continue
        zeros_out = [i for i, (have, want) in enumerate(zip(text, target, strict=True)) if have != want and have == "0"]
        ones_out = [i for i, (have, want) in enumerate(zip(text, target, strict=True)) if have != want and have == "1"]
        swaps = list(zip(zeros_out, ones_out, strict=True))
        if best is None or len(swaps) < len(best):
            best = swaps
    if best is None:
        raise ValueError("the counts of 0 and 1 differ by more than one")
    return best


class BinaryAlternation(Task):
    """Turn a binary string into an alternating one (no two equal neighbours) by swapping pairs of characters, using
    as few swaps as possible.

    Difficulty: the string has Z zeros and Z−1, Z or Z+1 ones (uniform), shuffled, with Z ← int(1.1·Z + 1) from 2. A
    string that is already alternating has its first two characters swapped, so at least one swap is needed (RLVE
    keeps such strings, whose answer would be empty).
    Reward: -1 unparsable (a line that is not two integers); -0.5 for an index out of range or a final string that
    is not alternating; otherwise (fewest swaps / swaps used)^5.
    Answer: one swap per line, written as the two 0-based indices i j, in the order they are performed.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"zeros": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        zeros = self.ladder(difficulty)["zeros"]
        characters = ["0"] * zeros + ["1"] * rng.randint(zeros - 1, zeros + 1)
        rng.shuffle(characters)
        if is_alternating("".join(characters)):
            characters[0], characters[1] = characters[1], characters[0]
        parameters = {"string": "".join(characters)}
        swaps = fewest_swaps(parameters["string"])
        return Instance(parameters, "\n".join(f"{i} {j}" for i, j in swaps))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        text = parameters["string"]
        return (
            f"Here is a binary string of length {len(text)}, indexed from 0: {text}\n"
            f"One operation swaps the characters at two indices i and j (0 ≤ i, j < {len(text)}). Using as few "
            "operations as possible, make the string alternating, so that no two neighbouring characters are equal.\n"
            "Write one operation per line as the two indices i j separated by a space, in the order you perform them."
        )

    def solve(self, parameters: dict[str, Any]) -> list[tuple[int, int]]:
        """A shortest list of swaps."""
        return fewest_swaps(parameters["string"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        swaps = parse_int_rows(answer)
        if any(len(swap) != 2 for swap in swaps):
            raise AnswerFormatError("every line must hold exactly two indices")
        characters = list(parameters["string"])
        for i, j in swaps:
            if not (0 <= i < len(characters) and 0 <= j < len(characters)):
                return rewards.invalid("an index is out of range")
            characters[i], characters[j] = characters[j], characters[i]
        if not is_alternating("".join(characters)):
            return rewards.invalid("the final string is not alternating")
        return rewards.optimality(len(swaps), len(self.solve(parameters)), _BETA, minimize=True)
