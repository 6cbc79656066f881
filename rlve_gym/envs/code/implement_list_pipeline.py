"""Implement a generated pipeline of list transformations described in words."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance
from rlve_gym.envs.code import list_ops, minipy
from rlve_gym.envs.code.common import (
    FunctionTask,
    HiddenTest,
    hidden_test_rng,
    program_answer_instructions,
)
from rlve_gym.envs.common.ladders import grown

FUNCTION_NAME = "transform"
TIME_LIMIT_S = 4.0


def pipeline_program(operations: list[dict[str, Any]]) -> str:
    """The canonical source of ``transform(xs)`` applying `operations` in order."""
    body = [f"    {line}" for operation in operations for line in list_ops.source_lines(operation)]
    source = f"def {FUNCTION_NAME}(xs):\n" + "\n".join(body) + "\n    return xs\n"
    return minipy.render(minipy.parse(source))


def random_list(rng: random.Random, length: int, bound: int) -> list[int]:
    """`length` integers within ±`bound`."""
    return [rng.randint(-bound, bound) for _ in range(length)]


class ImplementListPipeline(FunctionTask):
    """Write transform(xs): apply a generated sequence of list operations (filters, maps, scans, reorderings).

    Operations come from a library of twenty (keep by remainder or by comparison, affine and absolute-difference
    maps, clamping, prefix sums, neighbour differences, window sums, running maximum, sorting, reversing,
    rotating, de-duplicating, slicing, pair swaps, ...), each with random parameters.
    Difficulty: the pipeline has 1 + d // 2 operations; hidden tests (8 + d of them) hold up to
    int(1.1·n + 1) integers from 6, within ±(10 + 2d).
    Reward: -1 when the answer is not a Python program; -0.5 when it does not define transform; otherwise
    (passed hidden tests / tests)^5.
    Answer: a Python program defining transform (a ```python fenced block inside the answer is fine).
    """

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {
            "operations": 1 + difficulty // 2,
            "tests": 8 + difficulty,
            "max_length": grown(6, difficulty),
            "value_bound": 10 + 2 * difficulty,
        }

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        operations = [list_ops.random_operation(rng, sizes["value_bound"]) for _ in range(sizes["operations"])]
        parameters = {
            "function_name": FUNCTION_NAME,
            "time_limit_s": TIME_LIMIT_S,
            "operations": operations,
            "tests": sizes["tests"],
            "max_length": sizes["max_length"],
            "value_bound": sizes["value_bound"],
            "example": random_list(rng, 6, 9),
            "test_seed": rng.getrandbits(63),
        }
        return Instance(parameters, pipeline_program(operations))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        steps = "\n".join(
            f"{index}. {list_ops.describe(operation)}." for index, operation in enumerate(parameters["operations"], 1)
        )
        example = parameters["example"]
        return (
            f"Write a Python function {FUNCTION_NAME}(xs) that takes a list of integers and returns the list "
            "obtained by applying these steps in order, each to the result of the previous one:\n"
            f"{steps}\n\n"
            f"Example: {FUNCTION_NAME}({example}) returns {list_ops.apply_all(parameters['operations'], example)}."
            "\n\n" + program_answer_instructions(FUNCTION_NAME, parameters["time_limit_s"])
        )

    def hidden_tests(self, parameters: dict[str, Any]) -> list[HiddenTest]:
        return pipeline_tests(parameters, parameters["operations"])


def pipeline_tests(parameters: dict[str, Any], operations: list[dict[str, Any]]) -> list[HiddenTest]:
    """Hidden tests of a pipeline instance: its example, edge cases, then random lists (expected from the host)."""
    rng = hidden_test_rng(parameters)
    inputs = [parameters["example"], [], [rng.randint(-9, 9)], [4, 4, 4]]
    while len(inputs) < parameters["tests"]:
        inputs.append(random_list(rng, rng.randint(2, parameters["max_length"]), parameters["value_bound"]))
    return [HiddenTest([values], list_ops.apply_all(operations, values)) for values in inputs]
