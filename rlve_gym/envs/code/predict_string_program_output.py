"""Predict what a generated program of string operations prints."""

from __future__ import annotations

import random
import string
from typing import Any

from rlve_gym.core.errors import TaskError
from rlve_gym.core.problem import Instance
from rlve_gym.envs.code import minipy, string_ops
from rlve_gym.envs.code.common import OutputPredictionTask
from rlve_gym.envs.common.ladders import grown

ATTEMPTS = 20
MAX_LENGTH = 400  # longest intermediate string; longer draws are redrawn
LIMITS = minipy.InterpreterLimits(max_steps=50_000, max_length=MAX_LENGTH, max_output_chars=20_000)


class PredictStringProgramOutput(OutputPredictionTask):
    """Predict the exact output of a generated Python program that transforms a string of lowercase letters.

    The program starts from a string literal and applies operations from the string-operation library
    (reversal, rotation, Caesar shift, pair swaps, interleaving, replacement, removal, de-duplication, sorting,
    mirroring, slicing, insertion; see `rlve_gym.envs.code.string_ops`), printing the string, and sometimes its
    length or a letter count, after some of them; the output is computed by the bounded interpreter.
    Difficulty: operations grow as 1 + d // 2, the starting string as int(1.1·n + 1) from 5 letters over an
    alphabet of 3 + d // 2 letters (at most 26), printed lines as 1 + d // 3; draws with a string longer than 400
    characters are redrawn.
    Reward: lines compared after removing spaces around each line and blank lines at the ends: 1 if all match; with the
    right number of lines (matching lines / lines)^5; otherwise 0.
    Answer: the printed output, one printed line per line.
    """

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {
            "operations": 1 + difficulty // 2,
            "length": grown(5, difficulty),
            "letters": min(26, 3 + difficulty // 2),
            "prints": 1 + difficulty // 3,
        }

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        alphabet = string.ascii_lowercase[: sizes["letters"]]
        for _ in range(ATTEMPTS):
            text = "".join(rng.choice(alphabet) for _ in range(sizes["length"]))
            operations = [string_ops.random_operation(rng, alphabet) for _ in range(sizes["operations"])]
            print_after = set(rng.sample(range(len(operations) - 1), min(sizes["prints"] - 1, len(operations) - 1)))
            lines = [f"s = {text!r}"]
            for index, operation in enumerate(operations):
                lines += string_ops.source_lines(operation)
                if index in print_after:
                    lines.append(self._print_line(rng, alphabet))
            lines.append(self._print_line(rng, alphabet) if rng.random() < 0.3 else "print(s)")
            tree = minipy.parse("\n".join(lines) + "\n")
            try:
                output = minipy.Interpreter(LIMITS).run(tree)
            except (minipy.BudgetExceeded, minipy.ProgramError):
                continue
            if output.strip():
                return Instance({"program": minipy.render(tree), "output": output}, output.rstrip("\n"))
        raise TaskError("PredictStringProgramOutput: no program fitted the limits")

    def solve(self, parameters: dict[str, Any]) -> str:
        """The output, by interpreting the program again (used by the tests)."""
        return minipy.Interpreter(LIMITS).run(minipy.parse(parameters["program"]))

    @staticmethod
    def _print_line(rng: random.Random, alphabet: str) -> str:
        return rng.choice(
            [
                "print(s)",
                "print(s)",
                "print(len(s))",
                f"print(s.count({rng.choice(alphabet)!r}))",
                f"print(s, s.find({rng.choice(alphabet)!r}))",
            ]
        )
