"""Predict what a generated integer program (assignments, branches, nested loops) prints."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.errors import TaskError
from rlve_gym.core.problem import Instance
from rlve_gym.envs.code import minipy
from rlve_gym.envs.code.common import OutputPredictionTask
from rlve_gym.envs.code.integer_programs import IntegerProgramWriter, ProgramShape

VARIABLE_NAMES = ("a", "b", "c", "d", "e", "f", "g", "h", "x", "y", "z", "v")
ATTEMPTS = 30
PLAIN_ATTEMPTS = 10  # after this many rejected draws, programs are straight-line with reduced values


def output_limits(max_steps: int) -> minipy.InterpreterLimits:
    """Interpreter limits for programs a model must trace by hand: few steps, values of at most six digits."""
    return minipy.InterpreterLimits(max_steps=max_steps, max_int=999_999, max_length=1000, max_output_chars=2000)


class PredictIntegerProgramOutput(OutputPredictionTask):
    """Predict the exact output of a generated Python program over integer variables.

    The program initialises a few variables, runs a random block of assignments, augmented assignments,
    if/elif/else, for loops over ranges and counting-down while loops, and prints; the output is computed by the
    bounded interpreter (`rlve_gym.envs.code.minipy`), never by running the program.
    Difficulty: statements grow as 3 + d, nesting as 1 + d // 3, loop counts up to 3 + d // 3, variables as
    2 + d // 4 (at most 12), executed steps up to 60 + 60d, printed lines up to 1 + d // 2 (prints inside
    blocks from d = 2); programs whose values leave ±999999 are redrawn.
    Reward: lines compared after removing spaces around each line and blank lines at the ends: 1 if all match; with the
    right number of lines (matching lines / lines)^5; otherwise 0.
    Answer: the printed output, one printed line per line.
    """

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {
            "statements": 3 + difficulty,
            "depth": 1 + difficulty // 3,
            "loop_nesting": min(3, 1 + difficulty // 4),
            "loop_bound": 3 + difficulty // 3,
            "variables": min(len(VARIABLE_NAMES), 2 + difficulty // 4),
            "max_steps": 60 + 60 * difficulty,
            "max_lines": 1 + difficulty // 2,
        }

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        shape = ProgramShape(
            sizes["statements"],
            sizes["depth"],
            sizes["loop_bound"],
            prints_inside=difficulty >= 2,
            loop_nesting=sizes["loop_nesting"],
        )
        names = list(VARIABLE_NAMES[: sizes["variables"]])
        for attempt in range(ATTEMPTS):
            writer = IntegerProgramWriter(rng, shape, reduce_all=attempt >= PLAIN_ATTEMPTS)
            lines = [f"{name} = {rng.randint(-5 if difficulty >= 3 else 0, 9)}" for name in names]
            lines += writer.block(sizes["statements"], names, names)
            lines.append(f"print({', '.join(names)})")
            tree = minipy.parse("\n".join(lines) + "\n")
            try:
                output = minipy.Interpreter(output_limits(sizes["max_steps"])).run(tree)
            except (minipy.BudgetExceeded, minipy.ProgramError):
                continue
            if output.count("\n") <= sizes["max_lines"]:
                program = minipy.render(tree)
                return Instance({"program": program, "output": output}, output.rstrip("\n"))
        raise TaskError("PredictIntegerProgramOutput: no program fitted the limits")  # unreachable: see PLAIN_ATTEMPTS

    def solve(self, parameters: dict[str, Any]) -> str:
        """The output, by interpreting the program again (used by the tests)."""
        return minipy.Interpreter(output_limits(10**6)).run(minipy.parse(parameters["program"]))
