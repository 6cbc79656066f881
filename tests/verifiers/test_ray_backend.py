"""The Ray verification backend on a local Ray instance started by this module: same results as in-process
verification, input order, timeouts that replace the actor, failures in their slots, user tasks shipped."""

from __future__ import annotations

import random
import time
from typing import Any

import pytest

from rlve_gym import Instance, ProblemSpec, Task, get_task, reference_completion, register_task
from rlve_gym.batch import Failure
from rlve_gym.core import rewards
from rlve_gym.core.registry import _USER_TASKS

ray = pytest.importorskip("ray", reason="the Ray backend needs the optional 'ray' extra")

from rlve_gym.verifiers.ray_backend import RayVerifier  # noqa: E402


class RaySleepyTask(Task):
    """A user task whose verifier sleeps when asked to and fails on request (defined here, shipped by value).

    Difficulty: none (the ladder exists for the contract).
    Reward: 1 for the answer "ok", 0 otherwise.
    Answer: a word.
    """

    family = "user_tests"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"size": difficulty}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        if difficulty == 7:
            time.sleep(60)  # a generation that hangs
        return Instance({"value": rng.randint(0, 9)}, "ok")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return "Say ok."

    def score(self, parameters: dict[str, Any], answer: str):
        if answer == "hang":
            time.sleep(60)
        if answer == "boom":
            raise RuntimeError("verifier exploded")
        return rewards.correct() if answer == "ok" else rewards.wrong()


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    register_task(RaySleepyTask, replace=True)
    yield
    _USER_TASKS.pop(RaySleepyTask.name, None)
    ray.shutdown()


# Half a CPU per actor: both verifiers fit on the two CPUs of the local instance at once.
@pytest.fixture(scope="module")
def verifier(local_ray):
    """For results: a generous limit, since a code task's first verification in an actor starts its sandbox."""
    with RayVerifier(actors=2, timeout_s=30.0, actor_options={"num_cpus": 0.5}) as backend:
        yield backend


@pytest.fixture(scope="module")
def quick_verifier(local_ray):
    """For timeouts: a short limit, used only with the pure-Python test task."""
    with RayVerifier(actors=2, timeout_s=1.5, actor_options={"num_cpus": 0.5}) as backend:
        yield backend


def test_generation_matches_local_generation_in_order(verifier):
    specs = [ProblemSpec(name, 2, seed) for seed in range(6) for name in ("Sorting", "ImplementListPipeline")]
    problems = verifier.generate(specs)
    assert [problem.to_json() for problem in problems] == [
        get_task(spec.task).generate(spec.seed, spec.difficulty).to_json() for spec in specs
    ]


def test_verification_matches_in_process_verification(verifier):
    problems = [get_task(name).generate(seed, 1) for seed in range(3) for name in ("Sorting", "ImplementSortByKey")]
    completions = []
    for index, problem in enumerate(problems):
        completions.append(reference_completion(problem.reference_answer) if index % 2 else "<answer>0</answer>")
    verdicts = verifier.verify(problems, completions)
    local = [get_task(problem.task).verify(problem, completion) for problem, completion in zip(problems, completions)]
    assert verdicts == local
    assert {verdict.accuracy for verdict in verdicts} == {0, 1}


def test_a_hanging_verification_times_out_and_the_actor_is_replaced(quick_verifier):
    verifier = quick_verifier
    problem = get_task(RaySleepyTask.name).generate(0, 1)
    restarts = verifier.restarts
    started = time.monotonic()
    verdicts = verifier.verify(
        [problem] * 4, ["<answer>ok</answer>", "<answer>hang</answer>", "<answer>boom</answer>", "<answer>ok</answer>"]
    )
    assert time.monotonic() - started < 40
    assert [verdict.reward for verdict in verdicts] == [1.0, -1.0, -1.0, 1.0]
    assert "timeout" in verdicts[1].detail and "verifier exploded" in verdicts[2].detail
    assert verifier.restarts == restarts + 1
    # the replacement actor works
    assert verifier.verify([problem], ["<answer>ok</answer>"])[0].accuracy == 1


def test_a_hanging_generation_is_a_failure_in_its_slot(quick_verifier):
    verifier = quick_verifier
    specs = [
        ProblemSpec(RaySleepyTask.name, 1, 0),
        ProblemSpec(RaySleepyTask.name, 7, 1),
        ProblemSpec(RaySleepyTask.name, 1, 2),
    ]
    results = verifier.generate(specs)
    assert isinstance(results[1], Failure) and results[1].kind == "timeout" and results[1].spec == specs[1]
    assert [result.seed for result in (results[0], results[2])] == [0, 2]


def test_arguments_are_validated(local_ray):
    with pytest.raises(ValueError, match="timeout_s"):
        RayVerifier(timeout_s=0)
    with pytest.raises(ValueError, match="actors"):
        RayVerifier(actors=0)
    with RayVerifier(actors=1) as backend, pytest.raises(ValueError, match="completions"):
        backend.verify([get_task("Sorting").generate(0, 0)], [])
