"""Find an input line that makes a generated integer program print a given target."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import TaskError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.envs.code import minipy
from rlve_gym.envs.code.common import InputPredictionTask
from rlve_gym.envs.code.integer_programs import IntegerProgramWriter, ProgramShape

INPUT_NAMES = ("x", "y", "z", "w", "v", "u")
LOCAL_NAMES = ("a", "b", "c")
TIME_LIMIT_S = 2.0
ATTEMPTS = 30
PLAIN_ATTEMPTS = 10  # after this many rejected draws, programs are straight-line with reduced values
OTHER_INPUTS = 16  # random inputs tried to make sure the target is not printed for almost any input
LIMITS = minipy.InterpreterLimits(max_steps=20_000, max_int=10**9, max_output_chars=2000)


def read_statement(names: list[str]) -> str:
    """The program line that reads the integers of one input line into `names`."""
    if len(names) == 1:
        return f"{names[0]} = int(input())"
    return f"{', '.join(names)} = map(int, input().split())"


class FindIntegerProgramInput(InputPredictionTask):
    """Find integers that, given on one input line, make a generated program print exactly a target.

    The program reads k integers, runs a random block of assignments, branches and loops over them and a few
    local variables, and prints one or two values. The target is what it prints on a hidden input; any input
    producing it is accepted. The answer is checked against the stated domain on the host, then the program
    runs in the sandbox on it.
    Difficulty: inputs grow as 1 + d // 3 (at most 6), each within 0..9 + 3d; statements grow as 2 + d, nesting
    as 1 + d // 4 (loops at most min(3, 1 + d // 4) deep); targets printed by at least half of 16 random inputs
    are redrawn.
    Reward: -1 unparsable; -0.5 for the wrong count of integers or a value outside the domain; 1 when the program
    prints exactly the target (spaces around lines and blank lines at the ends ignored), else 0.
    Answer: the k integers of the input line, separated by spaces.
    """

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {
            "inputs": min(len(INPUT_NAMES), 1 + difficulty // 3),
            "input_bound": 9 + 3 * difficulty,
            "statements": 2 + difficulty,
            "depth": 1 + difficulty // 4,
            "loop_nesting": min(3, 1 + difficulty // 4),
            "loop_bound": 3 + difficulty // 4,
        }

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        shape = ProgramShape(
            sizes["statements"], sizes["depth"], sizes["loop_bound"], loop_nesting=sizes["loop_nesting"]
        )
        inputs = list(INPUT_NAMES[: sizes["inputs"]])
        local_names = list(LOCAL_NAMES[: 1 + difficulty // 5])
        names = inputs + local_names
        bound = sizes["input_bound"]
        for attempt in range(ATTEMPTS):
            writer = IntegerProgramWriter(rng, shape, reduce_all=attempt >= PLAIN_ATTEMPTS)
            lines = [read_statement(inputs)] + [f"{name} = {rng.randint(0, 9)}" for name in local_names]
            lines += writer.block(sizes["statements"], names, names)
            printed = [writer.expression(names) for _ in range(rng.randint(1, 2))]
            lines.append(f"print({', '.join(printed)})")
            tree = minipy.parse("\n".join(lines) + "\n")
            hidden = [rng.randint(0, bound) for _ in inputs]
            others = [[rng.randint(0, bound) for _ in inputs] for _ in range(OTHER_INPUTS)]
            try:
                target = self._output(tree, hidden)
                hits = sum(self._output(tree, values) == target for values in others)
            except (minipy.BudgetExceeded, minipy.ProgramError):
                continue
            if hits * 2 < OTHER_INPUTS or attempt == ATTEMPTS - 1:
                parameters = {
                    "program": minipy.render(tree),
                    "target": target,
                    "inputs": len(inputs),
                    "input_bound": bound,
                    "time_limit_s": TIME_LIMIT_S,
                }
                return Instance(parameters, " ".join(map(str, hidden)))
        raise TaskError("FindIntegerProgramInput: no program fitted the limits")  # unreachable: see PLAIN_ATTEMPTS

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        count, bound = parameters["inputs"], parameters["input_bound"]
        what = (
            f"one integer between 0 and {bound} inclusive"
            if count == 1
            else f"{count} integers separated by spaces, each between 0 and {bound} inclusive"
        )
        return (
            "This Python program reads one line of input:\n\n"
            f"```python\n{parameters['program']}```\n\n"
            "Find an input for which it prints exactly:\n\n"
            f"```\n{parameters['target']}```\n\n"
            f"The input line must hold {what}. Answer with that line."
        )

    def stdin_from_answer(self, parameters: dict[str, Any], answer: str) -> str | Verdict:
        values = parse_int_list(answer)
        if len(values) != parameters["inputs"]:
            return rewards.invalid(f"expected {parameters['inputs']} integer(s), got {len(values)}")
        if any(not 0 <= value <= parameters["input_bound"] for value in values):
            return rewards.invalid(f"every integer must be between 0 and {parameters['input_bound']}")
        return " ".join(map(str, values)) + "\n"

    @staticmethod
    def _output(tree: Any, values: list[int]) -> str:
        return minipy.Interpreter(LIMITS, stdin=" ".join(map(str, values)) + "\n").run(tree)
