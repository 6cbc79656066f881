"""Find a word that makes a generated string-transforming program print a given target."""

from __future__ import annotations

import random
import re
import string
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError, TaskError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.envs.code import minipy, string_ops
from rlve_gym.envs.code.common import InputPredictionTask
from rlve_gym.envs.common.ladders import grown

TIME_LIMIT_S = 2.0
ATTEMPTS = 20
MAX_WORD = 10_000  # longest answer looked at


def limits(length: int) -> minipy.InterpreterLimits:
    """Interpreter limits for a program reading a word of `length` letters."""
    return minipy.InterpreterLimits(
        max_steps=50_000 + 100 * length, max_length=4 * length + 50, max_output_chars=8 * length + 100
    )


_WORD = re.compile(r"[a-z]+")


class FindStringProgramInput(InputPredictionTask):
    """Find a word of lowercase letters that, given as input, makes a generated program print exactly a target.

    The program reads a word and applies operations from the string-operation library (reversal, rotation,
    Caesar shift, pair swaps, interleaving, replacement, removal, de-duplication, sorting, slicing, insertion;
    see `rlve_gym.envs.code.string_ops`) and prints the result. The target is what it prints on a hidden word of
    the stated length; any word of that length producing it is accepted. The answer is checked on the host,
    then the program runs in the sandbox on it.
    Difficulty: operations grow as 1 + d // 2 (at most one length-doubling operation per program), the word as
    int(1.1·n + 1) from 4 letters over an alphabet of 3 + d // 2 letters (at most 26).
    Reward: -1 unless the answer is one word of lowercase letters; -0.5 when its length is not the stated one;
    1 when the program prints exactly the target, else 0.
    Answer: the word, lowercase letters only.
    """

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {
            "operations": 1 + difficulty // 2,
            "length": grown(4, difficulty),
            "letters": min(26, 3 + difficulty // 2),
        }

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        alphabet = string.ascii_lowercase[: sizes["letters"]]
        for _ in range(ATTEMPTS):
            word = "".join(rng.choice(alphabet) for _ in range(sizes["length"]))
            operations: list[dict[str, Any]] = []
            for _ in range(sizes["operations"]):
                growing_used = any(operation["op"] in string_ops.GROWING for operation in operations)
                operations.append(string_ops.random_operation(rng, alphabet, allow_growing=not growing_used))
            lines = ["s = input()"] + [line for op in operations for line in string_ops.source_lines(op)]
            tree = minipy.parse("\n".join([*lines, "print(s)"]) + "\n")
            try:
                target = minipy.Interpreter(limits(len(word)), stdin=word + "\n").run(tree)
            except (minipy.BudgetExceeded, minipy.ProgramError):
                continue
            if target.strip():
                parameters = {
                    "program": minipy.render(tree),
                    "target": target,
                    "length": sizes["length"],
                    "time_limit_s": TIME_LIMIT_S,
                }
                return Instance(parameters, word)
        raise TaskError("FindStringProgramInput: no program fitted the limits")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "This Python program reads one word:\n\n"
            f"```python\n{parameters['program']}```\n\n"
            "Find an input for which it prints exactly:\n\n"
            f"```\n{parameters['target']}```\n\n"
            f"The input must be a single word of exactly {parameters['length']} lowercase letters (a to z). Answer "
            "with that word."
        )

    def stdin_from_answer(self, parameters: dict[str, Any], answer: str) -> str | Verdict:
        word = answer.strip()
        if len(word) > MAX_WORD or not _WORD.fullmatch(word):
            raise AnswerFormatError("expected one word of lowercase letters")
        if len(word) != parameters["length"]:
            return rewards.invalid(f"expected {parameters['length']} letters, got {len(word)}")
        return word + "\n"
