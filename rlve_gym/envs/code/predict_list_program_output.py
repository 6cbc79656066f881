"""Predict what a generated program of list operations prints."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.errors import TaskError
from rlve_gym.core.problem import Instance
from rlve_gym.envs.code import list_ops, minipy
from rlve_gym.envs.code.common import OutputPredictionTask
from rlve_gym.envs.common.ladders import grown

ATTEMPTS = 20
LIMITS = minipy.InterpreterLimits(max_steps=50_000, max_int=10**9, max_length=2000, max_output_chars=20_000)


class PredictListProgramOutput(OutputPredictionTask):
    """Predict the exact output of a generated Python program that transforms a list of integers.

    The program starts from a list literal and applies operations from the list-operation library (filters,
    maps, scans, windows, reorderings, de-duplication, slicing; see `rlve_gym.envs.code.list_ops`), printing
    the list after some of them; the output is computed by the bounded interpreter.
    Difficulty: operations grow as 1 + d // 2, the starting list as int(1.1·n + 1) from 4 with values within
    ±(9 + d), printed lines as 1 + d // 3; programs whose values leave ±10^9 are redrawn.
    Reward: lines compared after removing spaces around each line and blank lines at the ends: 1 if all match; with the
    right number of lines (matching lines / lines)^5; otherwise 0.
    Answer: the printed output, one printed line per line (lists as Python prints them, e.g. [3, -1, 4]).
    """

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {
            "operations": 1 + difficulty // 2,
            "length": grown(4, difficulty),
            "value_bound": 9 + difficulty,
            "prints": 1 + difficulty // 3,
        }

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        for _ in range(ATTEMPTS):
            values = [rng.randint(-sizes["value_bound"], sizes["value_bound"]) for _ in range(sizes["length"])]
            operations = [list_ops.random_operation(rng, sizes["value_bound"]) for _ in range(sizes["operations"])]
            print_after = set(rng.sample(range(len(operations) - 1), min(sizes["prints"] - 1, len(operations) - 1)))
            lines = [f"xs = {values}"]
            for index, operation in enumerate(operations):
                lines += list_ops.source_lines(operation)
                if index in print_after:
                    lines.append("print(xs)")
            lines.append("print(xs)")
            tree = minipy.parse("\n".join(lines) + "\n")
            try:
                output = minipy.Interpreter(LIMITS).run(tree)
            except (minipy.BudgetExceeded, minipy.ProgramError):
                continue
            return Instance({"program": minipy.render(tree), "output": output}, output.rstrip("\n"))
        raise TaskError("PredictListProgramOutput: no program fitted the limits")

    def solve(self, parameters: dict[str, Any]) -> str:
        """The output, by interpreting the program again (used by the tests)."""
        return minipy.Interpreter(LIMITS).run(minipy.parse(parameters["program"]))
