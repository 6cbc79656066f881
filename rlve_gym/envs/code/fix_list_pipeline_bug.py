"""Repair a list-pipeline function into which single-token bugs were injected, given its specification."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.errors import TaskError
from rlve_gym.core.problem import Instance
from rlve_gym.envs.code import list_ops, minipy
from rlve_gym.envs.code.bugs import MUTATION_KINDS_TEXT, Outcome, inject_bugs, outcome_text
from rlve_gym.envs.code.common import FunctionTask, HiddenTest, program_answer_instructions
from rlve_gym.envs.code.implement_list_pipeline import (
    FUNCTION_NAME,
    pipeline_program,
    pipeline_tests,
    random_list,
)
from rlve_gym.envs.common.ladders import grown

TIME_LIMIT_S = 4.0
ATTEMPTS = 30
PROBES = 16
LIMITS = minipy.InterpreterLimits(max_steps=50_000, max_length=10_000)


class FixListPipelineBug(FunctionTask):
    """Fix transform(xs), a list pipeline into which bugs were injected, given its specification in words and a
    failing call.

    The correct function applies operations from the list-operation library (see
    `rlve_gym.envs.code.list_ops`); each bug is one single-token change (see `rlve_gym.envs.code.bugs`) that
    changes the result on some input, and the final program fails the shown call (a wrong value or an
    exception). Hidden tests are derived from the problem's test seed, their expected values by the host
    implementation of the operations.
    Difficulty: operations grow as 2 + d // 2, bugs as 1 + d // 5; hidden tests (8 + d) hold up to
    int(1.1·n + 1) integers from 6, within ±(10 + 2d).
    Reward: -1 when the answer is not a Python program; -0.5 when it does not define transform; otherwise
    (passed hidden tests / tests)^5.
    Answer: the corrected Python program defining transform (a ```python fenced block inside the answer is fine).
    """

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {
            "operations": 2 + difficulty // 2,
            "bugs": 1 + difficulty // 5,
            "tests": 8 + difficulty,
            "max_length": grown(6, difficulty),
            "value_bound": 10 + 2 * difficulty,
        }

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        for _ in range(ATTEMPTS):
            operations = [list_ops.random_operation(rng, sizes["value_bound"]) for _ in range(sizes["operations"])]
            correct_source = pipeline_program(operations)
            tree = minipy.parse(correct_source)
            probes = [[random_list(rng, rng.randint(3, 8), 9)] for _ in range(PROBES)]
            correct: list[Outcome] = [("value", list_ops.apply_all(operations, values)) for (values,) in probes]
            injected = inject_bugs(tree, FUNCTION_NAME, probes, correct, sizes["bugs"], rng, LIMITS)
            if injected is None:
                continue
            buggy, failing, failing_outcome = injected
            parameters = {
                "function_name": FUNCTION_NAME,
                "time_limit_s": TIME_LIMIT_S,
                "operations": operations,
                "bugs": sizes["bugs"],
                "program": minipy.render(buggy),
                "example": probes[failing][0],
                "failing_outcome": outcome_text(failing_outcome),
                "tests": sizes["tests"],
                "max_length": sizes["max_length"],
                "value_bound": sizes["value_bound"],
                "test_seed": rng.getrandbits(63),
            }
            return Instance(parameters, correct_source)
        raise TaskError("FixListPipelineBug: no pipeline with injectable bugs was drawn")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        steps = "\n".join(
            f"{index}. {list_ops.describe(operation)}." for index, operation in enumerate(parameters["operations"], 1)
        )
        count = parameters["bugs"]
        bugs = "one bug" if count == 1 else f"{count} bugs"
        example = parameters["example"]
        expected = list_ops.apply_all(parameters["operations"], example)
        outcome = parameters["failing_outcome"]
        actual = (
            f"raises {outcome.removeprefix('raises ')} instead"
            if outcome.startswith("raises")
            else (f"returns {outcome}")
        )
        return (
            f"The Python function {FUNCTION_NAME}(xs) should take a list of integers and return the list obtained "
            "by applying these steps in order, each to the result of the previous one:\n"
            f"{steps}\n\n"
            f"This implementation contains {bugs}. Each bug is a single small change to a correct implementation: "
            f"{MUTATION_KINDS_TEXT}.\n\n"
            f"```python\n{parameters['program']}```\n\n"
            f"For example, {FUNCTION_NAME}({example}) should return {expected}, but the code above {actual}.\n\n"
            "Find and fix the bugs. " + program_answer_instructions(FUNCTION_NAME, parameters["time_limit_s"])
        )

    def hidden_tests(self, parameters: dict[str, Any]) -> list[HiddenTest]:
        return pipeline_tests(parameters, parameters["operations"])
