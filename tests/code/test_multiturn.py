"""Multi-turn episodes end to end: feedback after a wrong attempt, termination on success, truncation after the
last attempt, Gymnasium registration and API conformance, feedback that never leaks a reference answer."""

from __future__ import annotations

import warnings

import gymnasium as gym
import pytest
from gymnasium.error import ResetNeeded
from gymnasium.utils.env_checker import check_env

import rlve_gym
from rlve_gym.envs import CATALOGUE
from rlve_gym.multiturn import MultiTurnTaskEnv, multiturn_env_id, sanitize

CODE_TASKS = sorted(name for name, location in CATALOGUE.items() if location.startswith("code."))


def test_wrong_attempt_then_feedback_then_right_attempt_terminates():
    env = gym.make("rlve/ImplementListPipeline-multiturn-v0", difficulty=3, max_attempts=3)
    prompt, info = env.reset(seed=4)
    assert "3 attempts" in prompt and info["max_attempts"] == 3
    observation, reward, terminated, truncated, step = env.step("<answer>def transform(xs):\n    return xs</answer>")
    assert (reward, terminated, truncated) == (0.0, False, False)
    assert observation.startswith("Passed ") and "expected" in observation and "Attempts left: 2" in observation
    assert step["attempt"] == 1 and step["accuracy"] == 0 and 0.0 <= step["attempt_reward"] < 1.0
    observation, reward, terminated, truncated, step = env.step(rlve_gym.reference_completion(info["reference_answer"]))
    assert (reward, terminated, truncated) == (1.0, True, False)
    assert step["attempt"] == 2 and step["accuracy"] == 1
    with pytest.raises(ResetNeeded):
        env.step("again")


def test_wrong_attempts_until_the_limit_truncate_with_the_last_reward():
    env = MultiTurnTaskEnv("FixIntegerFunctionBug", difficulty=1, max_attempts=2, reward_mode="shaped")
    _, info = env.reset(seed=0)
    buggy = info["problem"]["parameters"]["program"]
    _, reward, terminated, truncated, _ = env.step("<answer>not python (</answer>")
    assert (reward, terminated, truncated) == (0.0, False, False)
    observation, reward, terminated, truncated, step = env.step(f"<answer>{buggy}</answer>")
    assert (terminated, truncated) == (False, True)
    assert reward == step["attempt_reward"] < 1.0 and "Passed" in observation
    with pytest.raises(ResetNeeded):
        env.step("again")
    env.reset(seed=1)  # a new episode starts with a fresh attempt count
    assert env.attempts == 0


def test_binary_mode_and_unparsable_attempts():
    env = MultiTurnTaskEnv("PredictIntegerProgramOutput", difficulty=0, max_attempts=2, reward_mode="binary")
    env.reset(seed=0)
    observation, *_ = env.step("no answer here")
    assert observation.startswith("No usable answer was found")
    _, reward, terminated, truncated, _ = env.step("<answer>definitely wrong</answer>")
    assert (reward, terminated, truncated) == (0.0, False, True)


def test_feedback_of_tasks_without_their_own_feedback_leaks_nothing():
    env = MultiTurnTaskEnv("Multiplication", difficulty=3, max_attempts=2)
    _, info = env.reset(seed=2)
    observation, *_ = env.step("<answer>1</answer>")
    assert observation.startswith("The answer is not correct") and info["reference_answer"] not in observation


def test_feedback_is_cut_and_kept_in_the_observation_charset():
    assert sanitize("ok é\u0000 ≤") == "ok ?? ≤"
    assert len(sanitize("x" * 10_000)) <= 4000
    env = MultiTurnTaskEnv("ImplementRunLengthEncoding", difficulty=0, max_attempts=2)
    env.reset(seed=0)
    observation, *_ = env.step("<answer>def encode(text):\n    return 'é' * 10000</answer>")
    assert env.observation_space.contains(observation) and "?" in observation


@pytest.mark.parametrize("name", CODE_TASKS)
def test_every_code_task_has_a_multiturn_id(name):
    assert multiturn_env_id(name) in gym.registry


def test_check_env_passes():
    for name in ("FixListPipelineBug", "PredictStringProgramOutput", "FindIntegerProgramInput"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            check_env(MultiTurnTaskEnv(name, difficulty=1), skip_render_check=True)


def test_arguments_are_validated():
    with pytest.raises(ValueError, match="max_attempts"):
        MultiTurnTaskEnv("Sorting", max_attempts=1)
    with pytest.raises(ValueError, match="reset option"):
        MultiTurnTaskEnv("Sorting").reset(options={"level": 2})
