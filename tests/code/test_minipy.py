"""The bounded interpreter behind code-task generation: rendering round trips, CPython semantics (checked against
CPython itself in the sandbox), limits that turn runaway programs into exceptions, bug injection."""

from __future__ import annotations

import ast
import random

import pytest

from rlve_gym import get_task
from rlve_gym.envs.code import list_ops, minipy, string_ops
from rlve_gym.envs.code.bugs import inject_bugs, run_probe
from rlve_gym.envs.code.common import code_sandbox
from rlve_gym.envs.code.integer_programs import IntegerProgramWriter, ProgramShape

SEMANTICS_PROGRAM = """
def f(xs, k):
    total = 0
    out = []
    for x in xs:
        if x % 3 == 1 and not x > k:
            total += x
        elif x < 0:
            continue
        else:
            out.append(total - x // 2)
    ys = [y * 2 for y in out if y != 0]
    return sorted(ys, reverse=True)[1:-1] + [min(total, 5), max(ys + [0])]
a, b = map(int, input().split())
s = input()
print(f([a, b, 3, 4, -7, 10], 5), s.upper().replace('A', 'xy')[::-1], -a % 4, (a - b) - (a - b), 1 - (2 - 3))
w = 10
while w > 0:
    w -= 3
    if w == 4:
        break
print(w, 'q' * 3, len(range(5)), 'ab' in s, -7 // 2, -7 % 3, 7 // -2, s.find('z'), s.count('a'))
t = [5, 1, 4]
t.sort()
t.insert(1, 9)
u = t
u.append(t.pop(0))
print(t, u if t else [0], [c + c for c in 'abc'], ''.join(sorted('banana')), chr(ord('a') + 2))
"""


def _random_programs(count: int) -> list[str]:
    """Integer, list and string programs as the tasks generate them, plus the semantics sampler above."""
    rng = random.Random(7)
    programs = []
    for index in range(count):
        shape = ProgramShape(3 + index % 8, 1 + index % 3, 4, prints_inside=True, loop_nesting=2)
        names = ["a", "b", "c"]
        lines = [f"{name} = {rng.randint(-5, 9)}" for name in names]
        lines += IntegerProgramWriter(rng, shape, reduce_all=index % 5 == 0).block(shape.statements, names, names)
        lines.append("print(a, b, c)")
        programs.append("\n".join(lines) + "\n")
        values = [rng.randint(-9, 9) for _ in range(rng.randint(0, 9))]
        operations = [list_ops.random_operation(rng, 9) for _ in range(3)]
        body = [line for operation in operations for line in list_ops.source_lines(operation)]
        programs.append("\n".join([f"xs = {values}", *body, "print(xs, len(xs))"]) + "\n")
        word = "".join(rng.choice("abcde") for _ in range(rng.randint(0, 9)))
        operations = [string_ops.random_operation(rng, "abcde") for _ in range(3)]
        body = [line for operation in operations for line in string_ops.source_lines(operation)]
        programs.append("\n".join([f"s = {word!r}", *body, "print(s, s.count('a'))"]) + "\n")
    return programs


def _interpret(source: str, stdin: str = "") -> str:
    try:
        return minipy.Interpreter(minipy.InterpreterLimits(max_steps=100_000), stdin=stdin).run(minipy.parse(source))
    except minipy.ProgramError as error:
        return f"error {error.kind}"


def test_rendering_round_trips_and_is_a_fixed_point():
    for source in [SEMANTICS_PROGRAM, *_random_programs(10)]:
        tree = minipy.parse(source)
        rendered = minipy.render(tree)
        assert ast.dump(minipy.parse(rendered)) == ast.dump(tree)
        assert minipy.render(minipy.parse(rendered)) == rendered


def test_rendering_keeps_needed_parentheses():
    for source in [
        "x = a - (b - c)",
        "x = (a + b) * c",
        "x = -(a + b) % 3",
        "x = (a if b else c) + 1",
        "x = not (a and b)",
        "x = [y for y in (a if b else c)]",
        "x = (a or b) and c",
    ]:
        tree = minipy.parse(source)
        assert ast.dump(ast.parse(minipy.render(tree))) == ast.dump(tree), source


def test_interpreter_agrees_with_cpython():
    """Differential test: every program's interpreted output equals CPython's in the sandbox."""
    programs = [SEMANTICS_PROGRAM, *_random_programs(12)]
    stdins = ["7 -2\nabcab\n"] + [""] * (len(programs) - 1)
    results = code_sandbox().run_many(programs, stdins=stdins, max_workers=2)
    for source, stdin, result in zip(programs, stdins, results, strict=True):
        assert result.status == "ok", (source, result.stderr)
        assert _interpret(source, stdin) == result.stdout, source


def test_generated_task_programs_agree_with_cpython():
    programs, expected, stdins = [], [], []
    for name in ("PredictIntegerProgramOutput", "PredictListProgramOutput", "PredictStringProgramOutput"):
        for seed, difficulty in [(0, 0), (1, 4), (2, 9)]:
            parameters = get_task(name).generate(seed, difficulty).parameters
            programs.append(parameters["program"])
            expected.append(parameters["output"])
            stdins.append("")
    for name in ("FindIntegerProgramInput", "FindStringProgramInput"):
        for seed, difficulty in [(0, 0), (1, 4), (2, 9)]:
            problem = get_task(name).generate(seed, difficulty)
            programs.append(problem.parameters["program"])
            expected.append(problem.parameters["target"])
            stdins.append(problem.reference_answer + "\n")
    results = code_sandbox().run_many(programs, stdins=stdins, max_workers=2)
    assert [result.stdout for result in results] == expected


@pytest.mark.parametrize(
    ("source", "limit"),
    [
        ("while True:\n    pass\n", "steps"),
        ("x = 1\nwhile True:\n    x = x * 2\n", "integer"),
        ("s = 'a'\nwhile True:\n    s = s + s\n", "sequence"),
        ("xs = list(range(1000000000000))\n", "steps"),
        ("s = 'ab' * 1000000000\n", "sequence"),
        ("def f(n):\n    return f(n + 1)\nf(0)\n", "nested"),
        ("while True:\n    print(1)\n", "output"),
    ],
)
def test_runaway_programs_hit_a_limit(source, limit):
    limits = minipy.InterpreterLimits(max_steps=10_000, max_int=10**12, max_length=1000, max_output_chars=500)
    with pytest.raises(minipy.BudgetExceeded, match=limit):
        minipy.Interpreter(limits).run(minipy.parse(source))


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("x = 1 // 0\n", "ZeroDivisionError"),
        ("xs = []\nxs.pop()\n", "IndexError"),
        ("x = int('a')\n", "ValueError"),
        ("print(y)\n", "NameError"),
        ("def f():\n    z = z + 1\nf()\n", "UnboundLocalError"),
        ("a, b = [1, 2, 3]\n", "ValueError"),
        ("x = input()\n", "EOFError"),
    ],
)
def test_program_errors_are_reported_like_cpython(source, kind):
    with pytest.raises(minipy.ProgramError) as raised:
        minipy.Interpreter().run(minipy.parse(source))
    assert raised.value.kind == kind


@pytest.mark.parametrize(
    "source",
    [
        "import os\n",
        "x = lambda: 1\n",
        "x = {1: 2}\n",
        "x = 1.5\n",
        "x = y.__class__\n",
        "def f(*a):\n    pass\n",
        "def f():\n    def g():\n        pass\n",
        "x = [a for a in b for c in d]\n",
        "with f():\n    pass\n",
    ],
)
def test_sources_outside_the_subset_are_rejected(source):
    with pytest.raises(minipy.UnsupportedProgram):
        minipy.parse(source)


def test_calls_copy_their_arguments_and_see_globals():
    tree = minipy.parse("base = 10\ndef f(xs):\n    xs.append(base)\n    return xs\n")
    arguments = [[1, 2]]
    assert minipy.Interpreter().call(tree, "f", arguments) == [1, 2, 10]
    assert arguments == [[1, 2]]


def test_every_mutation_kind_changes_the_source():
    source = (
        "def f(xs, a):\n    ys = xs[1:]\n    if a < 3 and a != 0:\n        return min(a + 1, 4) // 2\n    return ys\n"
    )
    tree = minipy.parse(source)
    kinds = set()
    for site in minipy.mutation_sites(tree):
        kinds.add(site[1])
        mutated = minipy.apply_mutation(tree, site, random.Random(0))
        assert minipy.render(mutated) != minipy.render(tree)
        assert minipy.render(tree) == minipy.render(minipy.parse(source))  # the original is untouched
    assert kinds == {"compare", "operator", "constant+", "constant-", "minmax", "boolean", "slice+"}


def test_injected_bugs_change_behaviour_and_each_matters():
    tree = minipy.parse("def f(a, b):\n    x = a * 2\n    if x > b:\n        x -= b\n    return x + 1\n")
    probes = [[a, b] for a in range(-3, 4) for b in range(-2, 3)]
    limits = minipy.InterpreterLimits(max_steps=1000)
    correct = [run_probe(tree, "f", arguments, limits)[0] for arguments in probes]
    for seed in range(10):
        found = inject_bugs(tree, "f", probes, correct, 2, random.Random(seed), limits)
        assert found is not None
        buggy, failing, outcome = found
        assert run_probe(buggy, "f", probes[failing], limits)[0] == outcome != correct[failing]
        assert all(run_probe(buggy, "f", probes[index], limits)[0] == correct[index] for index in range(failing))
