"""Function tasks (implement from a spec, fix injected bugs): the solvers behind the hidden tests cross-checked
against independent brute force, references passing, wrong programs failing."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from rlve_gym import get_task
from rlve_gym.envs.code import list_ops, minipy
from rlve_gym.envs.code.common import code_sandbox, run_tests
from rlve_gym.envs.code.implement_sort_by_key import _transform_value

FUNCTION_TASKS = (
    "ImplementSortByKey",
    "ImplementRunLengthEncoding",
    "ImplementShortestPaths",
    "ImplementIntervalMerge",
    "ImplementListPipeline",
    "FixIntegerFunctionBug",
    "FixListPipelineBug",
)
CASES = [(seed, difficulty) for difficulty in (0, 2, 5) for seed in range(3)]


def _hidden(name: str, seed: int, difficulty: int):
    task = get_task(name)
    problem = task.generate(seed, difficulty)
    return task, problem, task.hidden_tests(problem.parameters)


# ---------------------------------------------------------------------------------------------------- solvers
@pytest.mark.parametrize(("seed", "difficulty"), CASES)
def test_sort_by_key_matches_a_comparison_insertion_sort(seed, difficulty):
    _, problem, tests = _hidden("ImplementSortByKey", seed, difficulty)
    keys = problem.parameters["keys"]

    def before(left: list[int], right: list[int]) -> bool:
        for key in keys:
            a, b = _transform_value(left[key["field"]], key), _transform_value(right[key["field"]], key)
            if a != b:
                return (a > b) if key["descending"] else (a < b)
        return False

    for test in tests:
        ordered: list[list[int]] = []
        for record in test.arguments[0]:  # stable: insert after every record it does not come before
            position = len(ordered)
            while position > 0 and before(record, ordered[position - 1]):
                position -= 1
            ordered.insert(position, record)
        assert ordered == test.expected


@pytest.mark.parametrize(("seed", "difficulty"), [*CASES, (0, 6), (1, 8)])
def test_run_length_encoding_matches_a_regex_encoder(seed, difficulty):
    _, problem, tests = _hidden("ImplementRunLengthEncoding", seed, difficulty)
    options = problem.parameters
    for test in tests:
        pieces = []
        for match in re.finditer(r"(.)\1*", test.arguments[0]):
            remaining = len(match.group())
            while remaining:
                size = min(remaining, options["cap"]) if options["cap"] else remaining
                letter = match.group(1)
                if size < options["min_count"]:
                    pieces.append(letter * size)
                else:
                    pieces.append(f"{size}{letter}" if options["count_first"] else f"{letter}{size}")
                remaining -= size
        assert options["separator"].join(pieces) == test.expected


@pytest.mark.parametrize(("seed", "difficulty"), CASES)
def test_shortest_paths_match_bellman_ford(seed, difficulty):
    _, problem, tests = _hidden("ImplementShortestPaths", seed, difficulty)
    parameters = problem.parameters
    for test in tests:
        n, edges, source = test.arguments
        arcs = []
        for edge in edges:
            length = edge[2] if parameters["weighted"] else 1
            arcs.append((edge[0], edge[1], length))
            if not parameters["directed"]:
                arcs.append((edge[1], edge[0], length))
        distance: list[float] = [float("inf")] * n
        distance[source] = 0
        for _ in range(n):
            for u, v, length in arcs:
                distance[v] = min(distance[v], distance[u] + length)
        assert [int(value) if value != float("inf") else -1 for value in distance] == test.expected


@pytest.mark.parametrize(
    ("seed", "difficulty"), [(seed, difficulty) for difficulty in (0, 2, 4, 6) for seed in range(4)]
)
def test_interval_merge_matches_point_coverage(seed, difficulty):
    """Coverage on a grid of half-integers: closed [a, b] covers 2a..2b, open (a, b) covers 2a+1..2b-1, integer
    [a, b] covers a..b; groups are maximal runs of covered grid points."""
    _, problem, tests = _hidden("ImplementIntervalMerge", seed, difficulty)
    semantics, result = problem.parameters["semantics"], problem.parameters["result"]
    for test in tests:
        covered = set()
        for a, b in test.arguments[0]:
            points = {"closed": range(2 * a, 2 * b + 1), "open": range(2 * a + 1, 2 * b), "integer": range(a, b + 1)}[
                semantics
            ]
            covered.update(points)
        runs = []
        for point in sorted(covered):
            if runs and runs[-1][1] == point - 1:
                runs[-1][1] = point
            else:
                runs.append([point, point])
        if result == "count":
            assert len(runs) == test.expected
        elif result == "length":
            sizes = {
                "closed": lambda s, e: (e - s) // 2,
                "open": lambda s, e: (e - s + 2) // 2,
                "integer": lambda s, e: e - s + 1,
            }[semantics]
            assert sum(sizes(s, e) for s, e in runs) == test.expected
        else:
            bounds = {
                "closed": lambda s, e: [s // 2, e // 2],
                "open": lambda s, e: [(s - 1) // 2, (e + 1) // 2],
                "integer": lambda s, e: [s, e],
            }[semantics]
            assert [bounds(s, e) for s, e in runs] == test.expected


def test_list_operations_agree_in_words_host_interpreter_and_cpython():
    """Each operation's host implementation, its source under the interpreter, and its source under CPython."""
    rng = random.Random(3)
    programs, expected = [], []
    for name in list_ops.OPERATIONS:
        for _ in range(4):
            operation = list_ops.random_operation(rng, 9)
            while operation["op"] != name:
                operation = list_ops.random_operation(rng, 9)
            values = [rng.randint(-9, 9) for _ in range(rng.choice([0, 1, 2, 5, 9]))]
            result = list_ops.apply(operation, values)
            source = "\n".join([f"xs = {values}", *list_ops.source_lines(operation), "print(xs)"]) + "\n"
            assert minipy.Interpreter().run(minipy.parse(source)) == f"{result}\n", (operation, values)
            assert list_ops.describe(operation)
            programs.append(source)
            expected.append(f"{result}\n")
    assert [result.stdout for result in code_sandbox().run_many(programs, max_workers=2)] == expected


def test_list_operation_descriptions_by_hand():
    assert list_ops.apply({"op": "keep_mod", "modulus": 3, "remainder": 2, "keep": True}, [-1, 2, 3, 5]) == [-1, 2, 5]
    assert list_ops.apply({"op": "window_sum", "width": 3}, [1, 2, 3, 4]) == [6, 9]
    assert list_ops.apply({"op": "rotate", "count": 5}, [1, 2, 3]) == [3, 1, 2]
    assert list_ops.apply({"op": "swap_pairs"}, [1, 2, 3]) == [2, 1, 3]
    assert list_ops.apply({"op": "differences"}, [4]) == []


# ---------------------------------------------------------------------------------------------------- programs
@pytest.mark.parametrize("name", FUNCTION_TASKS)
def test_reference_passes_every_hidden_test_and_a_program_returning_none_fails(name):
    task, problem, tests = _hidden(name, 0, 3)
    function_name = problem.parameters["function_name"]
    run = run_tests(problem.reference_answer, function_name, tests, timeout_s=10)
    assert all(run.passed) and run.status == "ok"
    verdict = task.verify(problem, f"<answer>def {function_name}(*arguments):\n    return None</answer>")
    assert verdict.format_ok and verdict.accuracy == 0 and verdict.reward == 0.0


@pytest.mark.parametrize("name", ["FixIntegerFunctionBug", "FixListPipelineBug"])
@pytest.mark.parametrize(("seed", "difficulty"), [(0, 0), (1, 3), (2, 6)])
def test_the_buggy_program_fails_its_shown_test_in_cpython(name, seed, difficulty):
    task, problem, tests = _hidden(name, seed, difficulty)
    parameters = problem.parameters
    run = run_tests(parameters["program"], parameters["function_name"], tests, timeout_s=10)
    failing = parameters.get("failing", 0)  # the list pipeline's failing call is its example, the first test
    assert not run.passed[failing]
    shown = parameters["failing_outcome"]
    if shown.startswith("raises "):
        assert run.errors[failing].startswith(shown.removeprefix("raises "))
    else:
        assert repr(run.returned[failing]) == shown
    assert task.verify(problem, f"<answer>{parameters['program']}</answer>").accuracy == 0


@pytest.mark.parametrize(("seed", "difficulty"), [(0, 0), (3, 5), (4, 10)])
def test_bug_count_matches_the_ladder(seed, difficulty):
    problem = get_task("FixIntegerFunctionBug").generate(seed, difficulty)
    correct = problem.reference_answer.splitlines()
    buggy = problem.parameters["program"].splitlines()
    assert len(correct) == len(buggy)
    changed = sum(a != b for a, b in zip(correct, buggy))
    assert 1 <= changed <= problem.parameters["bugs"] == 1 + difficulty // 5
    assert all(len(line) for line in itertools.chain(correct, buggy))
