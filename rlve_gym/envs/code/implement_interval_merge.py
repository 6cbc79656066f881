"""Implement interval merging under a generated notion of overlap, returning the merged list, length or count."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance
from rlve_gym.envs.code.common import (
    FunctionTask,
    HiddenTest,
    hidden_test_rng,
    program_answer_instructions,
)
from rlve_gym.envs.common.ladders import grown

TIME_LIMIT_S = 4.0
_FUNCTION_NAMES = {"merge": "merge_intervals", "length": "covered_length", "count": "count_groups"}
_SEMANTICS = {
    "closed": "Each pair [a, b] is the closed interval of real numbers a ≤ x ≤ b (a = b is a single point). "
    "Two intervals belong to the same group when they share at least one point, so [1, 3] and [3, 5] join.",
    "open": "Each pair [a, b] is the open interval of real numbers a < x < b, which is empty when a = b; empty "
    "intervals are ignored. Two intervals belong to the same group when they share a point, so (1, 3) and "
    "(3, 5) do not join.",
    "integer": "Each pair [a, b] stands for the integers a, a+1, …, b. Two intervals belong to the same group "
    "when together they cover a run of consecutive integers without a gap, so [1, 3] and [4, 6] join.",
}


class ImplementIntervalMerge(FunctionTask):
    """Write a function over a list of integer intervals that merges overlapping ones.

    Drawn per instance: what an interval is (closed real interval, open real interval, or a range of integers,
    which decides whether touching or adjacent intervals join) and what to return (the merged intervals, the total
    length they cover, or the number of groups). Groups are the connected components of the joining relation.
    Difficulty: interval kinds vary from d = 2, return values from d = 4; tests hold up to int(1.1·n + 1)
    intervals from 4 with endpoints within ±(10 + 5d); hidden tests grow as 8 + d.
    Reward: -1 when the answer is not a Python program; -0.5 when it does not define the function; otherwise
    (passed hidden tests / tests)^5.
    Answer: a Python program defining the function (a ```python fenced block inside the answer is fine).
    """

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"tests": 8 + difficulty, "max_intervals": grown(4, difficulty), "bound": 10 + 5 * difficulty}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        semantics = rng.choice(sorted(_SEMANTICS)) if difficulty >= 2 else "closed"
        result = rng.choice(sorted(_FUNCTION_NAMES)) if difficulty >= 4 else "merge"
        parameters = {
            "function_name": _FUNCTION_NAMES[result],
            "time_limit_s": TIME_LIMIT_S,
            "semantics": semantics,
            "result": result,
            "tests": sizes["tests"],
            "max_intervals": sizes["max_intervals"],
            "bound": sizes["bound"],
            "test_seed": rng.getrandbits(63),
        }
        parameters["example"] = self._intervals(rng, 5, 10)
        return Instance(parameters, self.reference_program(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        name, result = parameters["function_name"], parameters["result"]
        returns = {
            "merge": "the list of merged groups, one [start, end] per group (start: the smallest left end, end: the "
            "largest right end of its intervals), sorted by start",
            "length": "the total length covered by the intervals, counting overlaps once"
            if parameters["semantics"] != "integer"
            else "the number of distinct integers covered by the intervals",
            "count": "the number of groups",
        }[result]
        example = parameters["example"]
        return (
            f"Write a Python function {name}(intervals) that takes a list of intervals, each a list [a, b] of two "
            f"integers with a ≤ b, in any order, and returns {returns}.\n"
            f"{_SEMANTICS[parameters['semantics']]} Groups chain: intervals joined through other intervals are in "
            "the same group. An empty input list has no groups.\n\n"
            f"Example: {name}({example}) returns {self.solve(example, parameters)}.\n\n"
            + program_answer_instructions(name, parameters["time_limit_s"])
        )

    def solve(self, intervals: list[list[int]], parameters: dict[str, Any]) -> Any:
        """A sweep over the intervals sorted by left end."""
        semantics = parameters["semantics"]
        groups: list[list[int]] = []
        for start, end in sorted(intervals):
            if semantics == "open" and start == end:
                continue
            last_end = groups[-1][1] if groups else None
            joins = last_end is not None and (
                start <= last_end
                if semantics == "closed"
                else start < last_end
                if semantics == "open"
                else start <= last_end + 1
            )
            if joins:
                groups[-1][1] = max(last_end, end)
            else:
                groups.append([start, end])
        if parameters["result"] == "merge":
            return groups
        if parameters["result"] == "count":
            return len(groups)
        extra = 1 if semantics == "integer" else 0
        return sum(end - start + extra for start, end in groups)

    def reference_program(self, parameters: dict[str, Any]) -> str:
        """A correct program: sort, then sweep."""
        semantics = parameters["semantics"]
        joins = {
            "closed": "start <= groups[-1][1]",
            "open": "start < groups[-1][1]",
            "integer": "start <= groups[-1][1] + 1",
        }[semantics]
        skip_empty = "        if start == end:\n            continue\n" if semantics == "open" else ""
        extra = " + 1" if semantics == "integer" else ""
        result = {
            "merge": "groups",
            "count": "len(groups)",
            "length": f"sum(end - start{extra} for start, end in groups)",
        }[parameters["result"]]
        return (
            f"def {parameters['function_name']}(intervals):\n"
            "    groups = []\n"
            "    for start, end in sorted(intervals):\n"
            f"{skip_empty}"
            f"        if groups and {joins}:\n"
            "            groups[-1][1] = max(groups[-1][1], end)\n"
            "        else:\n"
            "            groups.append([start, end])\n"
            f"    return {result}\n"
        )

    def hidden_tests(self, parameters: dict[str, Any]) -> list[HiddenTest]:
        rng = hidden_test_rng(parameters)
        inputs = [parameters["example"], [], [[2, 2]], [[1, 3], [3, 5]], [[1, 3], [4, 6]], [[4, 6], [0, 9], [1, 2]]]
        while len(inputs) < parameters["tests"]:
            inputs.append(self._intervals(rng, rng.randint(1, parameters["max_intervals"]), parameters["bound"]))
        return [HiddenTest([intervals], self.solve(intervals, parameters)) for intervals in inputs]

    @staticmethod
    def _intervals(rng: random.Random, count: int, bound: int) -> list[list[int]]:
        intervals = []
        for _ in range(count):
            start = rng.randint(-bound, bound)
            intervals.append([start, min(bound, start + rng.randint(0, max(1, bound // 3)))])
        return intervals
