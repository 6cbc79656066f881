"""rlve_gym: verifiable-reward environments for RL on language models.

    import gymnasium as gym
    import rlve_gym

    env = gym.make("rlve/Sorting-v0", difficulty=3)
    prompt, info = env.reset(seed=0)
    _, reward, terminated, truncated, info = env.step("<answer>1 2 3</answer>")

Importing the package registers every task as a Gymnasium id ``rlve/<Task>-v0`` (task modules load lazily).
The task contract (`Task`, `Problem`, `Verdict`, `get_task`, `register_task`) is usable without Gymnasium.
"""

from rlve_gym.core import (
    AnswerFormatError,
    Instance,
    Problem,
    ProblemSpec,
    Task,
    TaskError,
    TaskSpec,
    UnknownTaskError,
    Verdict,
    extract_answer,
    format_prompt,
    get_task,
    reference_completion,
    register_task,
    task_class,
    task_families,
    task_names,
)
from rlve_gym.core.registry import on_register as _on_register
from rlve_gym.environment import TaskEnv, register_builtin_envs, register_gym_env

__version__ = "0.1.0"

register_builtin_envs()
_on_register(register_gym_env)

# Multi-turn ids of the built-in code tasks: rlve/<Task>-multiturn-v<version> (rlve_gym.multiturn).
from rlve_gym.multiturn import register_multiturn_envs as _register_multiturn_envs  # noqa: E402

_register_multiturn_envs()

__all__ = [
    "AnswerFormatError",
    "Instance",
    "Problem",
    "ProblemSpec",
    "Task",
    "TaskEnv",
    "TaskError",
    "TaskSpec",
    "UnknownTaskError",
    "Verdict",
    "__version__",
    "extract_answer",
    "format_prompt",
    "get_task",
    "reference_completion",
    "register_task",
    "task_class",
    "task_families",
    "task_names",
]
