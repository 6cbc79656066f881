"""Output and input prediction tasks: hand-checked programs, every valid input accepted (brute force over small
domains), answers outside the domain rejected on the host without a sandbox."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym import get_task
from rlve_gym.envs.code import common, minipy
from rlve_gym.feedback import collect_feedback

OUTPUT_TASKS = ("PredictIntegerProgramOutput", "PredictListProgramOutput", "PredictStringProgramOutput")


def test_hand_traced_program():
    source = "a = 3\nb = -7\nfor i in range(3):\n    a += i * 2\n    if a % 4 == 1:\n        b = b // 2\nprint(a, b)\n"
    # a: 3 → 3 → 5 (b → -4) → 9 (b → -2)
    assert minipy.Interpreter().run(minipy.parse(source)) == "9 -2\n"


@pytest.mark.parametrize("name", OUTPUT_TASKS)
@pytest.mark.parametrize("difficulty", [0, 4, 9])
def test_stored_output_is_the_interpreters_and_partial_credit_is_per_line(name, difficulty):
    task = get_task(name)
    problem = task.generate(1, difficulty)
    assert task.solve(problem.parameters) == problem.parameters["output"]
    lines = problem.reference_answer.split("\n")
    broken = "\n".join([*lines[:-1], lines[-1] + "0"])
    with collect_feedback() as notes:
        verdict = task.verify(problem, f"<answer>{broken}</answer>")
    assert verdict.accuracy == 0 and verdict.reward == pytest.approx(((len(lines) - 1) / len(lines)) ** 5)
    assert notes == [f"Wrong line(s): {len(lines)} of {len(lines)}."]


def _outputs(name: str, problem, inputs: list[str]) -> list[str]:
    tree = minipy.parse(problem.parameters["program"])
    limits = minipy.InterpreterLimits(max_steps=100_000)
    return [minipy.Interpreter(limits, stdin=text + "\n").run(tree) for text in inputs]


@pytest.mark.parametrize("seed", range(4))
def test_every_integer_input_printing_the_target_is_accepted(seed):
    task = get_task("FindIntegerProgramInput")
    problem = task.generate(seed, 0)
    assert problem.parameters["inputs"] == 1
    inputs = [str(value) for value in range(problem.parameters["input_bound"] + 1)]
    outputs = _outputs(task.name, problem, inputs)
    hits = [text for text, output in zip(inputs, outputs) if output == problem.parameters["target"]]
    misses = [text for text, output in zip(inputs, outputs) if output != problem.parameters["target"]]
    assert problem.reference_answer in hits and misses
    for text in hits[:3]:
        assert task.verify(problem, f"<answer>{text}</answer>").reward == 1.0
    for text in misses[:2]:
        assert task.verify(problem, f"<answer>{text}</answer>").reward == 0.0


@pytest.mark.parametrize("seed", range(3))
def test_every_word_printing_the_target_is_accepted(seed):
    task = get_task("FindStringProgramInput")
    problem = task.generate(seed, 0)
    length = problem.parameters["length"]
    words = ["".join(letters) for letters in itertools.product("abc", repeat=length)]
    outputs = _outputs(task.name, problem, words)
    hits = [word for word, output in zip(words, outputs) if output == problem.parameters["target"]]
    assert problem.reference_answer in hits
    for word in hits[-2:]:
        assert task.verify(problem, f"<answer>{word}</answer>").reward == 1.0
    miss = next(word for word, output in zip(words, outputs) if output != problem.parameters["target"])
    assert task.verify(problem, f"<answer>{miss}</answer>").reward == 0.0


def test_inputs_outside_the_domain_are_rejected_on_the_host(monkeypatch):
    def no_sandbox():
        raise AssertionError("the sandbox must not start for these answers")

    monkeypatch.setattr(common, "code_sandbox", no_sandbox)
    task = get_task("FindIntegerProgramInput")
    problem = task.generate(0, 6)
    count, bound = problem.parameters["inputs"], problem.parameters["input_bound"]
    assert count >= 2
    assert task.verify(problem, "<answer>" + " ".join(["1"] * (count + 1)) + "</answer>").reward == -0.5
    assert task.verify(problem, "<answer>" + " ".join([str(bound + 1)] * count) + "</answer>").reward == -0.5
    assert task.verify(problem, "<answer>" + " ".join(["9" * 5000] * count) + "</answer>").reward == -1.0
    assert task.verify(problem, "<answer>one two</answer>").reward == -1.0
    words = get_task("FindStringProgramInput")
    problem = words.generate(0, 3)
    assert words.verify(problem, "<answer>" + "a" * (problem.parameters["length"] + 1) + "</answer>").reward == -0.5
    assert words.verify(problem, "<answer>Hello</answer>").reward == -1.0
    assert words.verify(problem, "<answer>ab cd</answer>").reward == -1.0


def test_input_feedback_shows_what_the_program_printed():
    task = get_task("FindStringProgramInput")
    problem = task.generate(2, 2)
    wrong = "z" * problem.parameters["length"]
    expected = _outputs(task.name, problem, [wrong])[0]
    with collect_feedback() as notes:
        verdict = task.verify(problem, f"<answer>{wrong}</answer>")
    if expected == problem.parameters["target"]:
        assert verdict.accuracy == 1
    else:
        assert verdict.reward == 0.0 and notes == [f"With your input the program printed:\n{expected}"]
