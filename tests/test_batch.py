"""The worker pool: order, determinism, timeouts that kill, crashes that are reported."""

from __future__ import annotations

import os
import random

import pytest

from rlve_gym import Instance, Task, Verdict, register_task
from rlve_gym.batch import Failure, ProblemSpec, WorkerPool, generate_many, verify_many
from rlve_gym.core import rewards
from tests.core.test_problem_and_task import EchoSum


class Misbehaving(Task):
    """A task that hangs at d = 5, crashes its process at d = 6 and raises at d = 7 (for pool tests).

    Difficulty: d + 1 (irrelevant).
    Reward: 1 for "ok".
    Answer: ok
    """

    family = "user_tests"
    name = "TestMisbehaving"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"size": difficulty + 1}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        if difficulty == 5:
            while True:
                pass
        if difficulty == 6:
            os._exit(3)
        if difficulty == 7:
            raise RuntimeError("generator bug")
        return Instance({"value": rng.randint(0, 10**6)}, "ok")

    def render_prompt(self, parameters: dict) -> str:
        return "say ok"

    def score(self, parameters: dict, answer: str) -> Verdict:
        if answer == "hang":
            while True:
                pass
        return rewards.correct() if answer == "ok" else rewards.wrong()


register_task(Misbehaving, replace=True)
register_task(EchoSum, replace=True)


@pytest.fixture(scope="module")
def pool():
    with WorkerPool(2, timeout_s=1.0) as workers:
        yield workers


def test_results_are_in_order_and_match_inline_generation(pool: WorkerPool) -> None:
    specs = [ProblemSpec(name, d, s) for name in ("Sorting", "CRT") for d in (0, 4) for s in range(20)]
    problems = pool.generate(specs)
    from rlve_gym import get_task

    assert problems == [get_task(s.task).generate(s.seed, s.difficulty) for s in specs]


def test_user_tasks_run_in_workers(pool: WorkerPool) -> None:
    problems = pool.generate([ProblemSpec("TestEchoSum", 2, s) for s in range(5)])
    verdicts = pool.verify(problems, [f"<answer>{p.reference_answer}</answer>" for p in problems])
    assert [v.accuracy for v in verdicts] == [1] * 5


def test_timeouts_kill_the_worker_and_keep_the_stream(pool: WorkerPool) -> None:
    restarts = pool.restarts
    specs = [ProblemSpec("TestMisbehaving", 5 if s == 2 else 0, s) for s in range(6)]
    results = pool.generate(specs)
    assert isinstance(results[2], Failure) and results[2].kind == "timeout" and results[2].spec == specs[2]
    assert [r.seed for r in results if not isinstance(r, Failure)] == [0, 1, 3, 4, 5]
    assert pool.restarts == restarts + 1
    # the pool still works after the kill
    assert all(not isinstance(r, Failure) for r in pool.generate([ProblemSpec("Sorting", 1, s) for s in range(4)]))


def test_crashes_and_exceptions_are_reported(pool: WorkerPool) -> None:
    results = pool.generate([ProblemSpec("TestMisbehaving", d, 0) for d in (6, 7, 0)])
    assert isinstance(results[0], Failure) and "died" in results[0].message
    assert isinstance(results[1], Failure) and "generator bug" in results[1].message
    assert not isinstance(results[2], Failure)


def test_verification_timeout_is_a_defined_verdict(pool: WorkerPool) -> None:
    problem = pool.generate([ProblemSpec("TestMisbehaving", 0, 0)])[0]
    verdicts = pool.verify([problem, problem], ["<answer>hang</answer>", "<answer>ok</answer>"])
    assert verdicts[0].reward == -1.0 and "timeout" in verdicts[0].detail
    assert verdicts[1].accuracy == 1


def test_one_shot_helpers_and_inline_mode() -> None:
    specs = [ProblemSpec("Multiplication", 1, s) for s in range(3)]
    problems = generate_many(specs, workers=0)
    assert problems == generate_many(specs, workers=1)
    verdicts = verify_many(problems, ["<answer>0</answer>"] * 3, workers=0, reward_mode="binary")
    assert all(v.reward in (0.0, 1.0) for v in verdicts)
    with pytest.raises(ValueError):
        verify_many(problems, ["x"], workers=0)
    with pytest.raises(ValueError):
        WorkerPool(-1)
