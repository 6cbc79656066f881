"""Gymnasium behaviour beyond `check_env`: seeding, options, vector envs, misuse."""

from __future__ import annotations

import gymnasium as gym
import pytest
from gymnasium.error import ResetNeeded

import rlve_gym
from rlve_gym import TaskEnv


def test_reset_seed_gives_the_task_problem() -> None:
    env = gym.make("rlve/Knapsack-v0", difficulty=4)
    prompt, info = env.reset(seed=11)
    problem = rlve_gym.get_task("Knapsack").generate(11, 4)
    assert info["problem"] == problem.to_dict()
    assert prompt == rlve_gym.format_prompt(problem.prompt, "answer_tag")
    assert {"env_id", "difficulty", "seed", "reference_answer"} <= set(info)


def test_unseeded_resets_continue_a_reproducible_stream() -> None:
    first = TaskEnv("Sorting", difficulty=2)
    second = TaskEnv("Sorting", difficulty=2)
    first.reset(seed=3)
    second.reset(seed=3)
    seeds_a = [first.reset()[1]["seed"] for _ in range(3)]
    seeds_b = [second.reset()[1]["seed"] for _ in range(3)]
    assert seeds_a == seeds_b and len(set(seeds_a)) == 3


def test_step_verifies_and_ends_the_episode() -> None:
    env = TaskEnv("Multiplication", difficulty=1, answer_format="boxed")
    prompt, info = env.reset(seed=0)
    assert "\\boxed{}" in prompt
    observation, reward, terminated, truncated, step_info = env.step(f"\\boxed{{{info['reference_answer']}}}")
    assert (observation, reward, terminated, truncated) == ("", 1.0, True, False)
    assert step_info["accuracy"] == 1 and step_info["format_ok"]
    with pytest.raises(ResetNeeded):
        env.step("again")


def test_binary_mode_and_bad_input() -> None:
    env = TaskEnv("Sorting", reward_mode="binary")
    env.reset(seed=0)
    _, reward, *_ = env.step("I don't know")
    assert reward == 0.0
    env.reset(seed=0)
    with pytest.raises(TypeError, match="completion text"):
        env.step(123)  # type: ignore[arg-type]


def test_options_override_difficulty_and_reject_unknown_keys() -> None:
    env = TaskEnv("Sorting", difficulty=0)
    _, info = env.reset(seed=1, options={"difficulty": 7})
    assert info["difficulty"] == 7
    with pytest.raises(ValueError, match="unknown reset option"):
        env.reset(options={"dificulty": 1})


def test_constructor_validates_arguments() -> None:
    with pytest.raises(rlve_gym.TaskError):
        TaskEnv("Sorting", difficulty=-1)
    with pytest.raises(ValueError, match="reward_mode"):
        TaskEnv("Sorting", reward_mode="dense")
    with pytest.raises(ValueError, match="answer_format"):
        TaskEnv("Sorting", answer_format="json")
    with pytest.raises(gym.error.NameNotFound, match="Did you mean: `Sorting`"):
        gym.make("rlve/Sortin-v0")


def test_sync_vector_env() -> None:
    envs = gym.make_vec("rlve/Sorting-v0", num_envs=3, vectorization_mode="sync", difficulty=1)
    prompts, infos = envs.reset(seed=10)
    assert len(prompts) == 3 and all(p.startswith("Sort") for p in prompts)
    completions = tuple(f"<answer>{r}</answer>" for r in infos["reference_answer"])
    _, rewards, terminated, _, _ = envs.step(completions)
    assert list(rewards) == [1.0, 1.0, 1.0] and all(terminated)
    envs.close()


def test_async_vector_env_needs_shared_memory_off() -> None:
    envs = gym.make_vec(
        "rlve/Sorting-v0",
        num_envs=2,
        vectorization_mode="async",
        vector_kwargs={"shared_memory": False},
        difficulty=1,
    )
    prompts, infos = envs.reset(seed=0)
    expected = [rlve_gym.format_prompt(rlve_gym.get_task("Sorting").generate(s, 1).prompt) for s in (0, 1)]
    assert list(prompts) == expected
    completions = tuple(f"<answer>{r}</answer>" for r in infos["reference_answer"])
    _, rewards, *_ = envs.step(completions)
    assert list(rewards) == [1.0, 1.0]
    envs.close()
