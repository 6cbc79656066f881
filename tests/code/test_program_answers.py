"""Programs in answers: extraction, the checks made on the host before any sandbox starts, and hostile programs
that must each end in a defined verdict (one hostile behaviour per test)."""

from __future__ import annotations

import dataclasses
import time

import pytest

from rlve_gym import AnswerFormatError, Problem, get_task
from rlve_gym.envs.code import common
from rlve_gym.envs.code.common import binds_name, compare_output, program_from_answer

SHORT = 1.0  # seconds: the time limit the hostile tests run under


def _problem(seconds: float = SHORT) -> Problem:
    problem = get_task("ImplementSortByKey").generate(0, 2)
    return dataclasses.replace(problem, parameters={**problem.parameters, "time_limit_s": seconds})


def _verify(program: str, problem: Problem | None = None):
    problem = problem or _problem()
    return get_task(problem.task).verify(problem, f"<answer>\n{program}\n</answer>")


# ---------------------------------------------------------------------------------------------------- extraction
@pytest.mark.parametrize(
    "answer",
    [
        "def f():\n    return 1",
        "python\ndef f():\n    return 1",
        "Here it is:\n```python\ndef f():\n    return 1\n```\nDone.",
        "```py\nx = 0\n```\nthen\n```python\ndef f():\n    return 1\n```",
        "    def f():\n        return 1",
        "```python\ndef f():\n    return 1",
    ],
)
def test_programs_are_found_in_the_answer(answer):
    source, tree = program_from_answer(answer)
    assert source == "def f():\n    return 1\n"
    assert binds_name(tree, "f")


@pytest.mark.parametrize("answer", ["", "python", "def f(:", "return (((", "x = 1\x00", "  ```\n```", "a" * 60_000])
def test_text_that_is_not_a_program_is_unparsable(answer):
    with pytest.raises(AnswerFormatError):
        program_from_answer(answer)


@pytest.mark.parametrize(
    ("source", "bound"),
    [
        ("def f(): pass", True),
        ("f = len", True),
        ("from math import f", True),
        ("import f", True),
        ("class f: pass", True),
        ("if True:\n    def f(): pass", True),
        ("def g(f): return f", False),
        ("print(f)", False),
    ],
)
def test_function_binding_is_found_on_the_syntax_tree(source, bound):
    assert binds_name(program_from_answer(source)[1], "f") is bound


def test_garbage_is_judged_without_starting_a_sandbox(monkeypatch):
    def no_sandbox():
        raise AssertionError("the sandbox must not start for these answers")

    monkeypatch.setattr(common, "code_sandbox", no_sandbox)
    problem = _problem()
    task = get_task(problem.task)
    assert task.verify(problem, "<answer>this is not python at all</answer>").reward == -1.0
    assert task.verify(problem, "no answer block").reward == -1.0
    assert task.verify(problem, "<answer>def other(records):\n    return records</answer>").reward == -0.5


def test_output_comparison_normalises_only_whitespace_at_line_ends():
    assert compare_output("1 2\n[3]\n", "\n1 2  \n[3]\n\n", 5.0).accuracy == 1
    assert compare_output("1 2\n[3]\n", "1  2\n[3]", 5.0).accuracy == 0
    assert compare_output("a\nb\nc\nd\n", "a\nb\nc\nx", 5.0).reward == pytest.approx(0.75**5)
    assert compare_output("a\nb\n", "a", 5.0).reward == 0.0


# ---------------------------------------------------------------------------------------------------- hostile
def test_reference_passes_and_a_wrong_program_fails_some_tests():
    problem = _problem(4.0)
    assert _verify(problem.reference_answer, problem).reward == 1.0
    verdict = _verify("def sort_records(records):\n    return records", problem)
    assert 0.0 <= verdict.reward < 1.0 and verdict.accuracy == 0


def _assert_contained(program: str, *, max_seconds: float = 20.0) -> None:
    started = time.monotonic()
    verdict = _verify(program)
    assert verdict.format_ok and verdict.accuracy == 0 and 0.0 <= verdict.reward < 1.0, verdict
    assert time.monotonic() - started < max_seconds
    # the sandbox still works afterwards
    assert _verify(_problem().reference_answer).reward == 1.0


def test_infinite_loop_times_out():
    _assert_contained("def sort_records(records):\n    while True:\n        pass")


def test_infinite_loop_at_import_times_out():
    _assert_contained("while True:\n    pass\ndef sort_records(records):\n    return sorted(records)")


def test_os_exit_ends_the_run():
    _assert_contained("import os\ndef sort_records(records):\n    os._exit(0)")


def test_huge_output_is_cut():
    _assert_contained("def sort_records(records):\n    print('x' * 10**8)\n    return records")


def test_huge_return_value_is_cut():
    _assert_contained("def sort_records(records):\n    return [0] * 10**7")


def test_memory_bomb_is_contained():
    _assert_contained(
        "def sort_records(records):\n    blocks = []\n    while True:\n        blocks.append(bytearray(10**8))"
    )


def test_fork_bomb_is_contained():
    _assert_contained("import os\ndef sort_records(records):\n    while True:\n        os.fork()")


def test_subprocess_and_os_calls_stay_inside():
    program = (
        "import os, subprocess\n"
        "def sort_records(records):\n"
        "    subprocess.run(['sh', '-c', 'echo hi > /tmp/rlve_code_task_probe; sleep 100'])\n"
        "    return records"
    )
    _assert_contained(program)


def test_reading_stdin_fails_the_call():
    _assert_contained("def sort_records(records):\n    return eval(input())")


def test_non_callable_name_is_invalid():
    assert _verify("sort_records = 5").reward == -0.5


def test_wrong_types_do_not_pass():
    problem = get_task("ImplementIntervalMerge").generate(0, 0)
    program = problem.reference_answer.replace("return groups", "return [tuple(group) for group in groups]")
    assert get_task(problem.task).verify(problem, f"<answer>{program}</answer>").reward == 1.0  # tuples are lists
    problem = get_task("FixIntegerFunctionBug").generate(0, 0)
    program = problem.reference_answer.replace("return ", "return 1.0 * ")
    assert get_task(problem.task).verify(problem, f"<answer>{program}</answer>").accuracy == 0  # 1.0 is not 1


def test_forged_unreadable_report_fails_every_test():
    program = (
        "import os\n"
        "os.write(3, b'{\"index\": 0, \"value\": ' + b'[' * 200000 + b']' * 200000 + b'}\\n')\n"
        "def sort_records(records):\n"
        "    return sorted(records)"
    )
    _assert_contained(program)


def test_deeply_nested_return_value_fails_the_test():
    _assert_contained(
        "def sort_records(records):\n    x = []\n    for _ in range(100000):\n        x = [x]\n    return x"
    )


def test_a_configured_sandbox_can_replace_the_default():
    from rlve_gym.verifiers.sandbox import Sandbox, SandboxLimits

    calls = []

    class CountingSandbox(Sandbox):
        def call_function(self, *arguments, **options):
            calls.append(options["timeout_s"])
            return super().call_function(*arguments, **options)

    box = CountingSandbox(SandboxLimits(memory_mb=256))
    common.use_sandbox(box)
    try:
        problem = _problem()
        assert _verify(problem.reference_answer, problem).reward == 1.0
        assert calls == [SHORT]
    finally:
        common.use_sandbox(None)
        box.close()
    assert common.code_sandbox() is not box
