"""Repair a generated integer function into which single-token bugs were injected."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

from rlve_gym.core.errors import TaskError
from rlve_gym.core.problem import Instance
from rlve_gym.envs.code import minipy
from rlve_gym.envs.code.bugs import MUTATION_KINDS_TEXT, inject_bugs, outcome_text, run_probe
from rlve_gym.envs.code.common import FunctionTask, HiddenTest, program_answer_instructions
from rlve_gym.envs.code.integer_programs import IntegerProgramWriter, ProgramShape

FUNCTION_NAME = "compute"
TIME_LIMIT_S = 4.0
PARAMETER_NAMES = ("a", "b", "c", "d")
LOCAL_NAMES = ("x", "y", "z")
ATTEMPTS = 40
PLAIN_ATTEMPTS = 15  # after this many rejected draws, functions are straight-line with reduced values
SHOWN_EXAMPLES = 3
PROBES = 12  # bugs must show on one of the first hidden tests (fewer runs per tried mutation)


def limits(difficulty: int) -> minipy.InterpreterLimits:
    """Interpreter limits of the correct function on one call (longer-running draws are redrawn)."""
    return minipy.InterpreterLimits(max_steps=1000 + 100 * difficulty, max_int=10**12)


class FixIntegerFunctionBug(FunctionTask):
    """Fix compute(...), a generated integer function into which bugs were injected, given examples of its
    correct behaviour and one failing call.

    The correct function is drawn like the programs of PredictIntegerProgramOutput (assignments, branches, loops)
    and returns an integer; each bug is one single-token change (see `rlve_gym.envs.code.bugs`) that changes the
    result on some hidden test, and the final program fails the shown call.
    Difficulty: bugs grow as 1 + d // 5, statements as 3 + d, nesting as 1 + d // 4, parameters as
    min(4, 2 + d // 5); hidden tests (8 + d, arguments within ±(9 + 2d), non-negative below d = 2) are stored in
    the problem.
    Reward: -1 when the answer is not a Python program; -0.5 when it does not define compute; otherwise
    (passed hidden tests / tests)^5.
    Answer: the corrected Python program defining compute (a ```python fenced block inside the answer is fine).
    """

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {
            "bugs": 1 + difficulty // 5,
            "statements": 3 + difficulty,
            "depth": 1 + difficulty // 4,
            "loop_nesting": min(3, 1 + difficulty // 4),
            "loop_bound": 3 + difficulty // 4,
            "parameters": min(len(PARAMETER_NAMES), 2 + difficulty // 5),
            "tests": 8 + difficulty,
            "value_bound": 9 + 2 * difficulty,
        }

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        shape = ProgramShape(
            sizes["statements"], sizes["depth"], sizes["loop_bound"], loop_nesting=sizes["loop_nesting"]
        )
        parameter_names = list(PARAMETER_NAMES[: sizes["parameters"]])
        names = parameter_names + list(LOCAL_NAMES[: 1 + difficulty // 4])
        low = -sizes["value_bound"] if difficulty >= 2 else 0
        for attempt in range(ATTEMPTS):
            writer = IntegerProgramWriter(rng, shape, reduce_all=attempt >= PLAIN_ATTEMPTS)
            body = [f"{name} = {rng.randint(0, 9)}" for name in names[len(parameter_names) :]]
            body += writer.block(sizes["statements"], names, names)
            body.append(f"return {writer.expression(names)}")
            source = f"def {FUNCTION_NAME}({', '.join(parameter_names)}):\n" + "".join(f"    {line}\n" for line in body)
            tree = minipy.parse(source)
            inputs = [[rng.randint(low, sizes["value_bound"]) for _ in parameter_names] for _ in range(sizes["tests"])]
            try:  # the probes first: most rejected draws fail there, before the other tests cost anything
                runs = [run_probe(tree, FUNCTION_NAME, arguments, limits(difficulty)) for arguments in inputs[:PROBES]]
            except minipy.BudgetExceeded:
                continue
            correct = [outcome for outcome, _ in runs]
            if any(kind != "value" for kind, _ in correct) or len({repr(value) for _, value in correct}) < 2:
                continue  # a function that ignores its arguments has nothing to show
            # a mutant may take twice the steps of the correct function before it counts as looping forever
            mutant_limits = dataclasses.replace(limits(difficulty), max_steps=2 * max(steps for _, steps in runs) + 100)
            injected = inject_bugs(tree, FUNCTION_NAME, inputs[:PROBES], correct, sizes["bugs"], rng, mutant_limits)
            if injected is None:
                continue
            try:
                runs += [run_probe(tree, FUNCTION_NAME, arguments, limits(difficulty)) for arguments in inputs[PROBES:]]
            except minipy.BudgetExceeded:
                continue
            correct = [outcome for outcome, _ in runs]
            if any(kind != "value" for kind, _ in correct):
                continue
            buggy, failing, failing_outcome = injected
            tests = [{"arguments": arguments, "expected": value} for arguments, (_, value) in zip(inputs, correct)]
            parameters = {
                "function_name": FUNCTION_NAME,
                "time_limit_s": TIME_LIMIT_S,
                "parameter_names": parameter_names,
                "bugs": sizes["bugs"],
                "program": minipy.render(buggy),
                "tests": tests,
                "failing": failing,
                "failing_outcome": outcome_text(failing_outcome),
            }
            return Instance(parameters, minipy.render(tree))
        raise TaskError("FixIntegerFunctionBug: no function with injectable bugs was drawn")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        tests, failing = parameters["tests"], parameters["failing"]
        shown = [index for index in range(len(tests)) if index != failing][:SHOWN_EXAMPLES]
        examples = "\n".join(f"{self._call(tests[index])} == {tests[index]['expected']}" for index in shown)
        count = parameters["bugs"]
        bugs = "one bug" if count == 1 else f"{count} bugs"
        return (
            f"This Python function contains {bugs}. Each bug is a single small change to a correct program: "
            f"{MUTATION_KINDS_TEXT}.\n\n"
            f"```python\n{parameters['program']}```\n\n"
            f"The correct function satisfies, among others:\n{examples}\n"
            f"{self._call(tests[failing])} == {tests[failing]['expected']}, but the code above "
            f"{'raises instead' if parameters['failing_outcome'].startswith('raises') else 'returns'} "
            f"{parameters['failing_outcome'].removeprefix('raises ')}.\n\n"
            "Find and fix the bugs without otherwise changing what the function computes. "
            + program_answer_instructions(FUNCTION_NAME, parameters["time_limit_s"])
        )

    def hidden_tests(self, parameters: dict[str, Any]) -> list[HiddenTest]:
        return [HiddenTest(test["arguments"], test["expected"]) for test in parameters["tests"]]

    @staticmethod
    def _call(test: dict[str, Any]) -> str:
        return f"{FUNCTION_NAME}({', '.join(map(str, test['arguments']))})"
