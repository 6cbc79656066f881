"""Implement a stable multi-key sort of integer records from a generated key specification."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance
from rlve_gym.envs.code.common import (
    FunctionTask,
    HiddenTest,
    hidden_test_rng,
    json_value,
    program_answer_instructions,
)
from rlve_gym.envs.common.ladders import grown

FUNCTION_NAME = "sort_records"
TIME_LIMIT_S = 4.0
# Transforms unlock with difficulty: plain fields first, then absolute values, then the arithmetic ones.
_TRANSFORMS_BY_LEVEL = ((0, ("value",)), (2, ("value", "abs")), (4, ("value", "abs", "mod", "last_digit", "digits")))


def _transform_value(value: int, key: dict[str, Any]) -> int:
    transform = key["transform"]
    if transform == "value":
        return value
    if transform == "abs":
        return abs(value)
    if transform == "mod":
        return value % key["modulus"]
    if transform == "last_digit":
        return abs(value) % 10
    return sum(int(digit) for digit in str(abs(value)))


def _describe_key(key: dict[str, Any]) -> str:
    field, modulus = f"field {key['field']}", key.get("modulus", 0)
    text = {
        "value": field,
        "abs": f"the absolute value of {field}",
        "mod": f"{field} modulo {modulus} (the remainder between 0 and {modulus - 1})",
        "last_digit": f"the last decimal digit of the absolute value of {field}",
        "digits": f"the sum of the decimal digits of the absolute value of {field}",
    }[key["transform"]]
    return f"{text}, {'descending' if key['descending'] else 'ascending'}"


def _key_source(key: dict[str, Any]) -> str:
    field = f"record[{key['field']}]"
    text = {
        "value": field,
        "abs": f"abs({field})",
        "mod": f"{field} % {key.get('modulus', 0)}",
        "last_digit": f"abs({field}) % 10",
        "digits": f"sum(int(digit) for digit in str(abs({field})))",
    }[key["transform"]]
    return f"-({text})" if key["descending"] and text != field else f"-{text}" if key["descending"] else text


class ImplementSortByKey(FunctionTask):
    """Write sort_records(records): a stable sort of integer records by a generated list of keys.

    Each key takes one field of a record, optionally transforms it (absolute value, remainder modulo m, last
    digit, digit sum) and sorts ascending or descending; earlier keys take priority, ties keep the input order.
    Difficulty: the number of keys grows as 1 + d // 2 and the record width as 2 + d // 3; transforms unlock
    at d = 2 and d = 4 (negative values from d = 2); hidden tests grow as 8 + d, each holding up to
    int(1.1·n + 1) records from 6, with values within ±(9 + 3d).
    Reward: -1 when the answer is not a Python program; -0.5 when it does not define sort_records; otherwise
    (passed hidden tests / tests)^5.
    Answer: a Python program defining sort_records (a ```python fenced block inside the answer is fine).
    """

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {
            "keys": 1 + difficulty // 2,
            "fields": 2 + difficulty // 3,
            "tests": 8 + difficulty,
            "max_records": grown(6, difficulty),
            "value_bound": 9 + 3 * difficulty,
        }

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        transforms = next(options for level, options in reversed(_TRANSFORMS_BY_LEVEL) if difficulty >= level)
        keys = []
        for _ in range(sizes["keys"]):
            key = {
                "field": rng.randrange(sizes["fields"]),
                "transform": rng.choice(transforms),
                "descending": rng.random() < 0.5,
            }
            if key["transform"] == "mod":
                key["modulus"] = rng.randint(2, 7)
            keys.append(key)
        parameters = {
            "function_name": FUNCTION_NAME,
            "time_limit_s": TIME_LIMIT_S,
            "fields": sizes["fields"],
            "keys": keys,
            "tests": sizes["tests"],
            "max_records": sizes["max_records"],
            "low": -sizes["value_bound"] if difficulty >= 2 else 0,
            "high": sizes["value_bound"],
            "example": self._records(rng, 4, sizes["fields"], -3 if difficulty >= 2 else 0, 9),
            "test_seed": rng.getrandbits(63),
        }
        return Instance(parameters, self.reference_program(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        described = [_describe_key(key) for key in parameters["keys"]]
        keys = "\n".join(
            f"{index}. {text}{';' if index < len(described) else '.'}" for index, text in enumerate(described, 1)
        )
        example = parameters["example"]
        return (
            f"Write a Python function {FUNCTION_NAME}(records) that takes a list of records, each a list of "
            f"{parameters['fields']} integers (fields 0 to {parameters['fields'] - 1}), and returns a new list "
            "holding the same records sorted by these keys, the first key deciding first:\n"
            f"{keys}\n"
            "Records that are equal on every key keep their original order (the sort is stable).\n\n"
            f"Example: {FUNCTION_NAME}({example}) returns {self.solve(example, parameters['keys'])}.\n\n"
            + program_answer_instructions(FUNCTION_NAME, parameters["time_limit_s"])
        )

    def solve(self, records: list[list[int]], keys: list[dict[str, Any]]) -> list[list[int]]:
        """The records sorted by the keys (Python's sort is stable)."""

        def sort_key(record: list[int]) -> tuple[int, ...]:
            values = (_transform_value(record[key["field"]], key) for key in keys)
            return tuple(-value if key["descending"] else value for key, value in zip(keys, values, strict=True))

        return sorted(records, key=sort_key)

    def reference_program(self, parameters: dict[str, Any]) -> str:
        """A correct program: one ``sorted`` call with a tuple key."""
        parts = ", ".join(_key_source(key) for key in parameters["keys"])
        key = f"({parts},)" if len(parameters["keys"]) == 1 else f"({parts})"
        return f"def {FUNCTION_NAME}(records):\n    return sorted(records, key=lambda record: {key})\n"

    def hidden_tests(self, parameters: dict[str, Any]) -> list[HiddenTest]:
        rng = hidden_test_rng(parameters)
        inputs = [parameters["example"], [], self._records(rng, 1, parameters["fields"], 0, 5)]
        while len(inputs) < parameters["tests"]:
            count = rng.randint(2, parameters["max_records"])
            inputs.append(self._records(rng, count, parameters["fields"], parameters["low"], parameters["high"]))
        return [HiddenTest([records], json_value(self.solve(records, parameters["keys"]))) for records in inputs]

    @staticmethod
    def _records(rng: random.Random, count: int, fields: int, low: int, high: int) -> list[list[int]]:
        return [[rng.randint(low, high) for _ in range(fields)] for _ in range(count)]
