"""What every code task shares: reading a program out of an answer, the sandbox they run it in, hidden tests,
and comparing predicted output.

Programs in answers. The answer block holds the program itself, or a fenced block (```` ```python … ``` ````)
with text around it; the last fenced block counts. A leading language line (``python``) left after the fences
were stripped is dropped, and the text is dedented. Before anything runs, the program is parsed on the host with
`ast.parse` (parsing executes nothing): text that is not valid Python is unparsable (reward -1) without starting
a sandbox, which keeps the verification of garbage fast.

Execution. Programs from answers run only in the sandbox (`rlve_gym.verifiers.sandbox`), one fresh process per
verification, with the limits of `code_limits()` and the task's time limit. Results are compared with the expected
values on the host, never inside the sandbox (a program can forge its harness's report, so forging means
computing the answers). `use_sandbox` replaces the sandbox for the current process (other limits, other
isolation settings).

Hidden tests of function tasks are a pure function of the problem's parameters (a test seed plus sizes), derived
at verification time by the task's own trusted solver, so problems stay small and carry everything the verifier
needs. Returned values are compared exactly after a JSON round trip (tuples become lists); ``True`` is not ``1``
and ``1.0`` is not ``1``.
"""

from __future__ import annotations

import abc
import ast
import json
import random
import re
import textwrap
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Verdict
from rlve_gym.core.task import Task
from rlve_gym.feedback import report_feedback

__all__ = [
    "MAX_PROGRAM_CHARS",
    "CodeTask",
    "FunctionTask",
    "HiddenTest",
    "HiddenTestRun",
    "InputPredictionTask",
    "OutputPredictionTask",
    "binds_name",
    "code_limits",
    "code_sandbox",
    "compare_output",
    "describe_failures",
    "hidden_test_rng",
    "json_value",
    "normalize_output",
    "program_answer_instructions",
    "program_from_answer",
    "run_tests",
    "use_sandbox",
]

MAX_PROGRAM_CHARS = 50_000
"""Longest program accepted from an answer."""
FEEDBACK_VALUE_CHARS = 200
"""Values shown in feedback are cut to this many characters."""
FEEDBACK_FAILURES = 3
"""How many failed tests feedback describes."""

_FENCED_BLOCK = re.compile(r"```[^\n`]*\n(.*?)```", re.DOTALL)
_LANGUAGE_LINES = frozenset({"python", "python3", "py"})
_MISSING_FUNCTION = "the program does not define a function named"


def program_from_answer(answer: str) -> tuple[str, ast.Module]:
    """The program in an extracted answer and its syntax tree; raises `AnswerFormatError` when it is not Python."""
    if len(answer) > MAX_PROGRAM_CHARS:
        raise AnswerFormatError(f"program longer than {MAX_PROGRAM_CHARS} characters")
    blocks = _FENCED_BLOCK.findall(answer)
    source = blocks[-1] if blocks else answer
    lines = source.split("\n")
    if lines and (lines[0].strip().lower() in _LANGUAGE_LINES or lines[0].lstrip().startswith("```")):
        lines = lines[1:]
    if lines and lines[-1].strip() == "```":
        lines = lines[:-1]
    source = textwrap.dedent("\n".join(lines)).strip("\n") + "\n"
    if not source.strip():
        raise AnswerFormatError("the answer holds no program")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. SyntaxWarning on invalid escapes: the program is still valid
            tree = ast.parse(source)
    except SyntaxError as error:
        raise AnswerFormatError(f"not valid Python: {error.msg} (line {error.lineno})") from None
    except (ValueError, RecursionError, MemoryError) as error:
        raise AnswerFormatError(f"not valid Python: {type(error).__name__}") from None
    return source, tree


def binds_name(tree: ast.Module, name: str) -> bool:
    """Whether the program binds `name` anywhere (def, class, assignment, import, for, with)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and node.name == name:
            return True
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store):
            return True
        if isinstance(node, ast.alias) and (node.asname or node.name.split(".")[0]) == name:
            return True
    return False


# ---------------------------------------------------------------------------------------------------- sandbox
_sandbox: Any = None
_sandbox_lock = threading.Lock()


def code_limits() -> Any:
    """The default sandbox's limits (each verification passes its own time limit and output cap)."""
    from rlve_gym.verifiers.sandbox import SandboxLimits

    return SandboxLimits(timeout_s=4.0, memory_mb=512, max_processes=16, max_output_bytes=1 << 20)


def code_sandbox() -> Any:
    """The `Sandbox` code tasks run programs in, in this process (started on first use)."""
    global _sandbox
    with _sandbox_lock:
        if _sandbox is None:
            from rlve_gym.verifiers.sandbox import Sandbox

            _sandbox = Sandbox(code_limits())
        return _sandbox


def use_sandbox(sandbox: Any) -> None:
    """Run code tasks' programs in `sandbox` from now on, in this process (None: the default sandbox again)."""
    global _sandbox
    with _sandbox_lock:
        _sandbox = sandbox


# ---------------------------------------------------------------------------------------------------- tests
@dataclass(frozen=True)
class HiddenTest:
    """One call of the function under test and the value it must return (both JSON values)."""

    arguments: list[Any]
    expected: Any


@dataclass(frozen=True)
class HiddenTestRun:
    """How a program did on a list of tests."""

    passed: tuple[bool, ...]
    returned: tuple[Any, ...]  # what each call returned (None when it did not return)
    errors: tuple[str, ...]  # why a call did not return ("" when it did)
    status: str  # the sandbox status of the whole run
    detail: str
    missing_function: bool  # the program ran but did not define the function

    @property
    def passed_count(self) -> int:
        """Number of tests passed."""
        return sum(self.passed)


def _same(expected: Any, got: Any) -> bool:
    """Equality of JSON values that also tells bool from int and int from float."""
    if type(expected) is not type(got):
        return False
    if isinstance(expected, list):
        return len(expected) == len(got) and all(_same(a, b) for a, b in zip(expected, got, strict=True))
    if isinstance(expected, dict):
        return expected.keys() == got.keys() and all(_same(expected[key], got[key]) for key in expected)
    return expected == got


def json_value(value: Any) -> Any:
    """`value` after a JSON round trip, the form returned values come back in."""
    return json.loads(json.dumps(value))


def run_tests(source: str, function_name: str, cases: Sequence[HiddenTest], *, timeout_s: float) -> HiddenTestRun:
    """Run `function_name` of the program on every test in one sandboxed execution and compare on the host."""
    expected_size = len(json.dumps([case.expected for case in cases]))
    output_cap = max(1 << 20, 4 * expected_size + 4096 * len(cases))
    results = code_sandbox().call_function(
        source,
        function_name,
        [case.arguments for case in cases],
        timeout_s=timeout_s,
        max_output_bytes=output_cap,
    )
    outcomes = results.outcomes
    missing = bool(outcomes) and all(outcome.error.startswith(_MISSING_FUNCTION) for outcome in outcomes)
    return HiddenTestRun(
        passed=tuple(
            outcome.returned and _same_or_false(case.expected, outcome.value)
            for case, outcome in zip(cases, outcomes, strict=True)
        ),
        returned=tuple(outcome.value if outcome.returned else None for outcome in outcomes),
        errors=tuple(outcome.error for outcome in outcomes),
        status=str(results.execution.status),
        detail=results.execution.detail,
        missing_function=missing,
    )


def _same_or_false(expected: Any, got: Any) -> bool:
    try:
        return _same(expected, got)
    except RecursionError:  # nested deeper than any expected value
        return False


def _short(value: Any) -> str:
    try:
        text = json.dumps(value) if not isinstance(value, str) else repr(value)
    except (RecursionError, ValueError):
        text = f"<a {type(value).__name__} nested too deeply to show>"
    return text if len(text) <= FEEDBACK_VALUE_CHARS else text[: FEEDBACK_VALUE_CHARS - 3] + "..."


def describe_failures(function_name: str, cases: Sequence[HiddenTest], run: HiddenTestRun) -> str:
    """Feedback on a test run: the score, then the first failed tests with their inputs, expected and actual."""
    lines = [f"Passed {run.passed_count} of {len(cases)} tests."]
    if run.status != "ok":
        lines.append(f"The program ended with status {run.status}" + (f" ({run.detail})." if run.detail else "."))
    failures = [index for index, passed in enumerate(run.passed) if not passed]
    for index in failures[:FEEDBACK_FAILURES]:
        call = f"{function_name}({', '.join(_short(argument) for argument in cases[index].arguments)})"
        if run.errors[index]:
            outcome = f"did not return: {run.errors[index][:FEEDBACK_VALUE_CHARS]}"
        else:
            outcome = f"returned {_short(run.returned[index])}"
        lines.append(f"Test {index + 1}: {call} {outcome}; expected {_short(cases[index].expected)}.")
    if len(failures) > FEEDBACK_FAILURES:
        lines.append(f"({len(failures) - FEEDBACK_FAILURES} more failed tests not shown.)")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------- outputs
def normalize_output(text: str) -> list[str]:
    """Output as lines without surrounding spaces, leading and trailing blank lines dropped (answer extraction
    trims the whole answer, so a leading space on the first line could not be written back)."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def compare_output(expected: str, answer: str, beta: float) -> Verdict:
    """Exact match of normalised outputs; with the right number of lines, (matching lines / lines) ** beta."""
    expected_lines, answer_lines = normalize_output(expected), normalize_output(answer)
    if expected_lines == answer_lines:
        return rewards.correct()
    if len(expected_lines) != len(answer_lines):
        return rewards.wrong(f"expected {len(expected_lines)} output lines, got {len(answer_lines)}")
    matching = sum(a == b for a, b in zip(expected_lines, answer_lines, strict=True))
    return rewards.partial(matching / len(expected_lines), beta, f"{matching}/{len(expected_lines)} lines right")


# ---------------------------------------------------------------------------------------------------- bases
class CodeTask(Task):
    """Base of the code family (programs are run only in the sandbox)."""

    family = "code"


class FunctionTask(CodeTask):
    """A task answered with a program that defines one function, scored on hidden tests run in the sandbox.

    Subclasses implement `ladder`, `sample`, `render_prompt` and `hidden_tests`; parameters must hold
    ``function_name`` and ``time_limit_s``. Reward: -1 when the answer is not a Python program; -0.5 when the
    program never defines the function (checked on the syntax tree first, then by running it); otherwise
    (passed tests / tests) ** `beta`, a crash or timeout failing the tests it did not finish. Accuracy: all pass.
    """

    beta: ClassVar[float] = 5.0

    @abc.abstractmethod
    def hidden_tests(self, parameters: dict[str, Any]) -> list[HiddenTest]:
        """The hidden tests of an instance (deterministic; the prompt's examples come first)."""

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        source, tree = program_from_answer(answer)
        name = parameters["function_name"]
        if not binds_name(tree, name):
            report_feedback(f"The program does not define the function {name}.")
            return rewards.invalid(f"the program does not define {name}")
        cases = self.hidden_tests(parameters)
        run = run_tests(source, name, cases, timeout_s=parameters["time_limit_s"])
        if run.missing_function:
            report_feedback(f"The program ran but {name} was not defined as a function.")
            return rewards.invalid(f"the program does not define a function named {name}")
        report_feedback(describe_failures(name, cases, run))
        detail = f"{run.passed_count}/{len(cases)} tests passed" + (f" ({run.status})" if run.status != "ok" else "")
        return rewards.partial(run.passed_count / len(cases), self.beta, detail)


def program_answer_instructions(function_name: str, time_limit_s: float) -> str:
    """The closing paragraph of a function task's prompt: what the answer holds and how it is run."""
    return (
        f"Answer with the complete Python program: the definition of {function_name} and any helpers it needs, "
        "without example calls, input reading or printing (a ```python fenced block is fine). It is run on hidden "
        f"tests in a sandbox, and all tests together must finish within {time_limit_s:g} seconds."
    )


def hidden_test_rng(parameters: dict[str, Any]) -> random.Random:
    """The random generator of an instance's hidden tests (seeded by its ``test_seed``)."""
    return random.Random(f"rlve_gym:hidden-tests:{parameters['test_seed']}")


class OutputPredictionTask(CodeTask):
    """A task answered with the exact output of a shown program (nothing is executed at verification).

    Parameters must hold ``program`` and ``output`` (computed at generation by the bounded interpreter).
    Reward: outputs are compared line by line after `normalize_output`; equal is 1; with the right number of
    lines, (matching lines / lines) ** `beta`; otherwise 0.
    """

    beta: ClassVar[float] = 5.0

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "What does this Python program print?\n\n"
            f"```python\n{parameters['program']}```\n\n"
            "Write exactly what it prints, each printed line on its own line, in order, and nothing else."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        verdict = compare_output(parameters["output"], answer, self.beta)
        if not verdict.accuracy:
            expected, written = normalize_output(parameters["output"]), normalize_output(answer)
            if len(expected) != len(written):
                report_feedback(f"The program prints {len(expected)} lines; your answer has {len(written)}.")
            else:
                wrong_lines = [str(index) for index, (a, b) in enumerate(zip(expected, written), 1) if a != b]
                report_feedback(f"Wrong line(s): {', '.join(wrong_lines)} of {len(expected)}.")
        return verdict


class InputPredictionTask(CodeTask):
    """A task answered with an input that makes a shown (generated, trusted) program print a target.

    Parameters must hold ``program``, ``target`` and ``time_limit_s``. The answer is checked on the host
    (`stdin_from_answer`), then the program runs in the sandbox on it: the input could drive it anywhere (a huge
    loop count, a crash), and the sandbox turns any of that into a defined verdict.
    Reward: -1 unparsable, -0.5 outside the stated input domain, 1 when the program prints exactly the target
    (after `normalize_output`), else 0.
    """

    @abc.abstractmethod
    def stdin_from_answer(self, parameters: dict[str, Any], answer: str) -> str | Verdict:
        """The program's standard input for an answer, or an invalid verdict; raise AnswerFormatError."""

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        stdin = self.stdin_from_answer(parameters, answer)
        if isinstance(stdin, Verdict):
            report_feedback(stdin.detail)
            return stdin
        result = code_sandbox().run(
            parameters["program"], stdin=stdin, timeout_s=parameters["time_limit_s"], max_output_bytes=1 << 16
        )
        if str(result.status) != "ok":
            report_feedback(f"With your input the program ended with status {result.status} ({result.detail}).")
            return rewards.wrong(f"the program ended with {result.status}")
        if normalize_output(result.stdout) == normalize_output(parameters["target"]):
            return rewards.correct()
        printed = result.stdout if len(result.stdout) <= 500 else result.stdout[:497] + "..."
        report_feedback(f"With your input the program printed:\n{printed}")
        return rewards.wrong("the program printed something else")
