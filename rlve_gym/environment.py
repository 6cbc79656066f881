"""Gymnasium environments over the task registry: ``gym.make("rlve/<Task>-v0", difficulty=3)``.

## Description
One episode is one problem of a task. `reset` generates it and returns the prompt; `step(completion)` verifies
the completion and ends the episode.

## Action Space
`Text`: the model's completion. Any Python `str` is accepted by `step` (models write arbitrary unicode); the
declared space is printable ASCII for sampling and checking.

## Observation Space
`Text` over `PROMPT_CHARSET` (printable ASCII, newline, tab and the few symbols prompts use), up to
`MAX_PROMPT_CHARS` characters. The observation after `step` is the empty string.

## Rewards
The task's shaped reward in [-1, 1] (``reward_mode="shaped"``) or its binary accuracy (``"binary"``).

## Starting State
`reset(seed=s)` generates the problem with seed ``s``, so ``rlve_gym.get_task(name).generate(s, d)`` gives the
same problem; `reset()` without a seed draws the next seed from the env's own `np_random` stream.
``options={"difficulty": d}`` overrides the difficulty for that episode.

## Episode End
`terminated` is True after the single `step`; `truncated` is always False.

## Arguments
``difficulty`` (int ≥ 0), ``reward_mode`` ("shaped" | "binary"), ``answer_format`` ("answer_tag" | "boxed").

## Vectorized environment
`gymnasium.vector.SyncVectorEnv` works as is. `AsyncVectorEnv` must be built with ``shared_memory=False``
(``gym.make_vec(..., vectorization_mode="async", vector_kwargs={"shared_memory": False})``): with shared memory
gymnasium returns blank Text observations.

## Version History
* v0: initial release.
"""

from __future__ import annotations

import string
from typing import Any

import gymnasium as gym
from gymnasium import spaces
from gymnasium.error import ResetNeeded

from rlve_gym.core.answers import check_answer_format, format_prompt
from rlve_gym.core.problem import Problem, Verdict
from rlve_gym.core.registry import get_task
from rlve_gym.core.task import Task, check_difficulty, check_reward_mode

PROMPT_SYMBOLS = "≡≤≥≠×÷·−→←↑↓∈∉∑∏√∞∧∨¬⊕°…–—’“”"
"""Non-ASCII symbols prompts may use (extend here when a task needs another)."""
PROMPT_CHARSET = frozenset(string.printable.replace("\x0b", "").replace("\x0c", "") + PROMPT_SYMBOLS)
MAX_PROMPT_CHARS = 200_000
MAX_COMPLETION_CHARS = 1_000_000
_ACTION_CHARSET = frozenset(string.printable.replace("\x0b", "").replace("\x0c", ""))


class TaskEnv(gym.Env[str, str]):
    """A single-turn Gymnasium environment for one task (see the module docstring for the full contract)."""

    metadata = {"render_modes": ["ansi"]}

    def __init__(
        self,
        task: str | Task,
        difficulty: int = 0,
        reward_mode: str = "shaped",
        answer_format: str = "answer_tag",
        render_mode: str | None = None,
    ) -> None:
        self.task = get_task(task) if isinstance(task, str) else task
        self.difficulty = check_difficulty(difficulty)
        self.reward_mode = check_reward_mode(reward_mode)
        self.answer_format = check_answer_format(answer_format)
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be None or 'ansi', got {render_mode!r}")
        self.render_mode = render_mode
        self.observation_space = spaces.Text(MAX_PROMPT_CHARS, min_length=0, charset=PROMPT_CHARSET)
        self.action_space = spaces.Text(4096, min_length=0, charset=_ACTION_CHARSET)
        self.problem: Problem | None = None
        self._prompt = ""
        self._last_verdict: Verdict | None = None

    @property
    def env_id(self) -> str:
        """The Gymnasium id of this task."""
        return f"rlve/{self.task.name}-v{self.task.version}"

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
        """Generate a new problem; returns (prompt, info)."""
        super().reset(seed=seed)
        options = dict(options or {})
        difficulty = check_difficulty(options.pop("difficulty", self.difficulty))
        if options:
            raise ValueError(f"unknown reset option(s): {', '.join(sorted(options))} (known: difficulty)")
        problem_seed = seed if seed is not None else int(self.np_random.integers(0, 2**63 - 1))
        self.problem = self.task.generate(problem_seed, difficulty)
        self._prompt = format_prompt(self.problem.prompt, self.answer_format)
        self._last_verdict = None
        info = {
            "env_id": self.env_id,
            "task": self.task.name,
            "difficulty": difficulty,
            "seed": problem_seed,
            "problem": self.problem.to_dict(),
            "reference_answer": self.problem.reference_answer,
            "answer_format": self.answer_format,
        }
        return self._prompt, info

    def step(self, action: str) -> tuple[str, float, bool, bool, dict[str, Any]]:
        """Verify a completion; the episode ends."""
        if self.problem is None:
            raise ResetNeeded("call reset() before step(), and again after each episode ends")
        if not isinstance(action, str):
            raise TypeError(f"the action must be the completion text (str), got {type(action).__name__}")
        problem, self.problem = self.problem, None
        verdict = self.task.verify(problem, action[-MAX_COMPLETION_CHARS:], reward_mode=self.reward_mode)
        self._last_verdict = verdict
        info = {
            "accuracy": verdict.accuracy,
            "format_ok": verdict.format_ok,
            "reward": verdict.reward,
            "detail": verdict.detail,
            "task": self.task.name,
            "difficulty": problem.difficulty,
            "seed": problem.seed,
        }
        return "", verdict.reward, True, False, info

    def render(self) -> str | None:
        """ANSI render: the current prompt, or the last verdict."""
        if self.render_mode != "ansi":
            return None
        if self.problem is not None:
            return self._prompt
        return repr(self._last_verdict) if self._last_verdict else ""


def env_id(task_name: str, version: int = 0) -> str:
    """The Gymnasium id of a task: ``rlve/<name>-v<version>``."""
    return f"rlve/{task_name}-v{version}"


def register_gym_env(task_name: str) -> str:
    """Register (or re-register) the Gymnasium id of a user task; returns the id."""
    from rlve_gym.core.registry import task_class

    gym_id = env_id(task_name, task_class(task_name).version)
    existing = gym.registry.get(gym_id)
    if existing is not None and existing.kwargs == {"task": task_name}:
        return gym_id
    gym.register(id=gym_id, entry_point="rlve_gym.environment:TaskEnv", kwargs={"task": task_name})
    return gym_id


def register_builtin_envs() -> None:
    """Register every built-in task as ``rlve/<name>-v<version>`` without importing the task modules."""
    from rlve_gym.envs import CATALOGUE, VERSIONS

    for name in CATALOGUE:
        gym_id = env_id(name, VERSIONS.get(name, 0))
        if gym_id not in gym.registry:
            gym.register(id=gym_id, entry_point="rlve_gym.environment:TaskEnv", kwargs={"task": name})
