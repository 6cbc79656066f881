"""Problem/Verdict value types, the Task base class and the registry."""

from __future__ import annotations

import random

import gymnasium as gym
import pytest

import rlve_gym
from rlve_gym import Instance, Problem, Task, TaskError, UnknownTaskError, Verdict, get_task, register_task
from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.testing import check_task


class EchoSum(Task):
    """Add up a list of small integers (a user-defined task, as in the README).

    Difficulty: d + 2 numbers in [0, 9].
    Reward: 1 for the sum, 0 for another integer, -1 when no integer is given.
    Answer: one integer.
    """

    family = "user_tests"
    name = "TestEchoSum"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"count": difficulty + 2}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        numbers = [rng.randint(0, 9) for _ in range(self.ladder(difficulty)["count"])]
        return Instance({"numbers": numbers}, str(sum(numbers)))

    def render_prompt(self, parameters: dict) -> str:
        return f"Add up: {' + '.join(map(str, parameters['numbers']))}"

    def score(self, parameters: dict, answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == sum(parameters["numbers"]) else rewards.wrong()


def test_problem_json_round_trip_and_validation() -> None:
    problem = get_task("Sorting").generate(3, 2)
    assert Problem.from_json(problem.to_json()) == problem
    with pytest.raises(ValueError, match="unknown problem field"):
        Problem.from_dict({**problem.to_dict(), "extra": 1})
    with pytest.raises(ValueError, match="missing problem field"):
        Problem.from_dict({"task": "Sorting"})
    with pytest.raises(ValueError, match="schema"):
        Problem.from_dict({**problem.to_dict(), "schema": 99})


def test_verdict_validates_its_fields() -> None:
    with pytest.raises(ValueError):
        Verdict(reward=1.5, accuracy=1, format_ok=True)
    with pytest.raises(ValueError):
        Verdict(reward=float("nan"), accuracy=0, format_ok=True)
    with pytest.raises(ValueError):
        Verdict(reward=0.0, accuracy=2, format_ok=True)


def test_generate_rejects_bad_arguments() -> None:
    task = get_task("Sorting")
    for bad in (-1, 1.5, "3", True):
        with pytest.raises(TaskError, match="difficulty"):
            task.generate(0, bad)  # type: ignore[arg-type]
    with pytest.raises(TaskError, match="seed"):
        task.generate("x", 0)  # type: ignore[arg-type]


def test_verify_rejects_a_problem_of_another_task() -> None:
    problem = get_task("Sorting").generate(0, 0)
    with pytest.raises(TaskError):
        get_task("Multiplication").verify(problem, "<answer>1</answer>")


def test_reward_modes() -> None:
    task = get_task("Sorting")
    problem = task.generate(0, 3)
    wrong = "<answer>" + " ".join(["0"] * len(problem.parameters["numbers"])) + "</answer>"
    assert task.verify(problem, "nothing").reward == -1.0
    assert task.verify(problem, "nothing", reward_mode="binary").reward == 0.0
    assert 0.0 <= task.verify(problem, wrong).reward < 1.0
    with pytest.raises(ValueError, match="reward_mode"):
        task.verify(problem, wrong, reward_mode="dense")


def test_unknown_task_suggests_names() -> None:
    with pytest.raises(UnknownTaskError, match="did you mean 'Sorting'"):
        get_task("Sortin")
    with pytest.raises(UnknownTaskError, match="did you mean 'Sorting'"):
        get_task("sorting")


def test_user_task_registration_and_checks() -> None:
    register_task(EchoSum, replace=True)
    assert "TestEchoSum" in rlve_gym.task_names("user_tests")
    env = gym.make("rlve/TestEchoSum-v0", difficulty=3)
    prompt, _ = env.reset(seed=1)
    assert prompt.startswith("Add up:")
    check_task(EchoSum, max_examples=20)
    with pytest.raises(ValueError, match="already registered"):
        register_task(type("Sorting", (EchoSum,), {"name": "Sorting", "__doc__": EchoSum.__doc__}))


def test_register_task_rejects_incomplete_classes() -> None:
    class NoDoc(EchoSum):
        name = "TestNoDoc"

    NoDoc.__doc__ = "Only a summary."
    with pytest.raises(TaskError, match="Difficulty"):
        register_task(NoDoc)

    class Abstract(Task):
        """x

        Difficulty: x
        Reward: x
        Answer: x
        """

        family = "math"

    with pytest.raises(TypeError, match="does not implement"):
        register_task(Abstract)
    with pytest.raises(TypeError):
        register_task(int)  # type: ignore[arg-type]


def test_import_does_not_load_torch_or_task_modules() -> None:
    import subprocess
    import sys

    code = (
        "import sys, rlve_gym, gymnasium as gym\n"
        "assert 'torch' not in sys.modules, 'torch imported'\n"
        "assert 'sympy' not in sys.modules, 'task modules imported eagerly'\n"
        "assert 'rlve/Sorting-v0' in gym.registry\n"
        "env = gym.make('rlve_gym:rlve/Sorting-v0', difficulty=1)\n"
        "print(env.reset(seed=0)[1]['task'])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "Sorting"
