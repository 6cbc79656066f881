"""The TRL ``environment_factory`` adapter, tested directly (no trainer, no GPU): the factory contract TRL relies
on, episodes through the submit tool, the reward it reports."""

from __future__ import annotations

import inspect

import pytest

from rlve_gym import get_task
from rlve_gym.multiturn import ToolEnvironment, tool_dataset_rows


def _tools(environment: object) -> list[str]:
    """What TRL exposes as tools: public functions of the class other than reset and get_reward."""
    members = inspect.getmembers(type(environment), predicate=inspect.isfunction)
    return [name for name, _ in members if name not in ("reset", "get_reward") and not name.startswith("_")]


def test_factory_builds_instances_without_arguments_and_exposes_one_tool():
    factory = ToolEnvironment.factory(task="ImplementSortByKey", difficulty=1, max_attempts=2)
    environment = factory()
    assert isinstance(environment, ToolEnvironment) and _tools(environment) == ["submit"]
    assert environment.get_reward() == -1.0


def test_submit_has_a_tool_schema():
    from transformers.utils import get_json_schema

    schema = get_json_schema(ToolEnvironment.submit)["function"]
    assert schema["name"] == "submit" and schema["parameters"]["required"] == ["answer"]


def test_episode_from_a_dataset_row():
    rows = tool_dataset_rows("FixListPipelineBug", 2, seeds=[5, 6])
    assert len(rows) == 2 and rows[0]["prompt"] == [{"role": "user", "content": ""}]
    environment = ToolEnvironment(max_attempts=3)
    statement = environment.reset(**rows[0])
    problem = environment.problem
    assert problem == get_task("FixListPipelineBug").generate(5, 2)
    assert problem.prompt in statement and "submit tool" in statement
    feedback = environment.submit(problem.parameters["program"])
    assert feedback.startswith("Passed ") and "Attempts left: 2." in feedback
    assert environment.get_reward() < 1.0
    feedback = environment.submit(f"```python\n{problem.reference_answer}```")
    assert feedback.endswith("Correct. The episode is over.")
    assert environment.get_reward() == 1.0
    assert environment.submit("anything").startswith("The episode is over")
    assert environment.get_reward() == 1.0 and environment.attempts == 2


def test_attempts_run_out_and_the_last_reward_counts():
    environment = ToolEnvironment(task="PredictListProgramOutput", difficulty=2, max_attempts=2)
    environment.reset(seed=3)
    assert "Attempts left: 1." in environment.submit("[1, 2, 3]")
    assert environment.submit("").endswith("No attempts left. The episode is over.")
    assert environment.get_reward() == -1.0
    assert environment.submit("<answer>x</answer>").startswith("The episode is over")


def test_reset_from_columns_and_a_fresh_episode():
    environment = ToolEnvironment(task="FindIntegerProgramInput", difficulty=1, seed=0)
    environment.reset(prompt="ignored", seed=7)
    assert environment.problem == get_task("FindIntegerProgramInput").generate(7, 1)
    environment.submit(environment.problem.reference_answer)
    assert environment.get_reward() == 1.0
    environment.reset(task="Sorting", difficulty=0, seed=1)  # another task, in binary or shaped mode alike
    assert environment.attempts == 0 and environment.get_reward() == -1.0
    assert "not correct" in environment.submit("1 2")
    with pytest.raises(ValueError, match="task"):
        ToolEnvironment().reset(seed=1)


def test_submit_before_reset_is_answered():
    assert "not reset" in ToolEnvironment(task="Sorting").submit("1")
