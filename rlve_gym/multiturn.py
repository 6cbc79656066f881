"""Multi-turn environments: the model answers, reads feedback, and tries again.

    import gymnasium as gym
    import rlve_gym

    env = gym.make("rlve/FixListPipelineBug-multiturn-v0", difficulty=2, max_attempts=3)
    prompt, info = env.reset(seed=0)
    feedback, reward, terminated, truncated, info = env.step(completion)

## Description
One episode is one problem of a task and up to `max_attempts` answers. After a wrong answer the observation is
feedback on it: for code tasks, which hidden tests failed with their inputs, expected and actual values and
error text (cut to a few failures and a few hundred characters each), or what the submitted input made the
program print; for other tasks, only whether the answer was found and how much partial credit it earned, so that
no reference answer leaks. Tasks provide feedback by calling `rlve_gym.feedback.report_feedback` while scoring.

## Action Space
`Text`: the model's completion (any Python `str` is accepted), as in `rlve_gym.environment.TaskEnv`.

## Observation Space
`Text` over `rlve_gym.environment.PROMPT_CHARSET`: the prompt after `reset`, then the feedback; characters
outside the set (from a program's output) become ``?`` and feedback is cut to `MAX_FEEDBACK_CHARS`.

## Rewards
0 after an attempt that does not end the episode; the last attempt's reward (shaped, or binary accuracy with
``reward_mode="binary"``) when it ends. A solved episode therefore earns 1 whichever attempt solved it; discount
or penalise later attempts in the learner if wanted. ``info`` carries every attempt's own reward.

## Starting State
As `TaskEnv`: `reset(seed=s)` generates the problem of seed ``s``; ``options={"difficulty": d}`` overrides the
difficulty. The prompt ends with a line stating the number of attempts.

## Episode End
`terminated` when an attempt is fully correct (accuracy 1); `truncated` when `max_attempts` attempts were wrong.

## Arguments
``task``, ``difficulty``, ``max_attempts`` (≥ 2 so that feedback can matter; default 3), ``reward_mode``,
``answer_format``. Registered as ``rlve/<Task>-multiturn-v<version>`` for every built-in code task; any task
works through the class or `register_multiturn_env`.

## TRL
`ToolEnvironment` is the same episode behind TRL's ``environment_factory``: `reset(**row)` returns the problem,
the tool `submit(answer)` returns the feedback, `get_reward()` the episode's reward.

## Version History
* v0: initial release.
"""

from __future__ import annotations

import functools
import json
import random
from collections.abc import Callable, Iterable
from typing import Any

import gymnasium as gym
from gymnasium.error import ResetNeeded

from rlve_gym.core import rewards
from rlve_gym.core.answers import extract_answer, normalize_answer
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Problem, Verdict
from rlve_gym.core.registry import get_task
from rlve_gym.core.task import Task, check_difficulty, check_reward_mode
from rlve_gym.environment import MAX_COMPLETION_CHARS, PROMPT_CHARSET, TaskEnv
from rlve_gym.feedback import collect_feedback

__all__ = [
    "MAX_FEEDBACK_CHARS",
    "MultiTurnTaskEnv",
    "ToolEnvironment",
    "multiturn_env_id",
    "register_multiturn_env",
    "register_multiturn_envs",
    "sanitize",
    "score_with_feedback",
    "tool_dataset_rows",
    "verify_with_feedback",
]

MAX_FEEDBACK_CHARS = 4000
"""Feedback longer than this is cut (a hostile program can print a lot)."""
DEFAULT_MAX_ATTEMPTS = 3


def sanitize(text: str, limit: int = MAX_FEEDBACK_CHARS) -> str:
    """`text` with characters outside the observation charset replaced by ``?`` and cut to `limit` characters."""
    marker = "\n[feedback truncated]"
    if len(text) > limit:
        text = text[: limit - len(marker)] + marker
    return "".join(character if character in PROMPT_CHARSET else "?" for character in text)


def _generic_feedback(verdict: Verdict) -> str:
    if not verdict.format_ok:
        return f"No usable answer was found: {verdict.detail}."
    if verdict.accuracy:
        return "Correct."
    return f"The answer is not correct (reward {verdict.reward:.3g})."


def verify_with_feedback(
    task: Task, problem: Problem, completion: str, *, reward_mode: str = "shaped"
) -> tuple[Verdict, str]:
    """`task.verify` plus the feedback the task reported while scoring (or a generic line that leaks nothing)."""
    with collect_feedback() as notes:
        verdict = task.verify(problem, completion[-MAX_COMPLETION_CHARS:], reward_mode=reward_mode)
    return verdict, "\n".join(notes) if notes else _generic_feedback(verdict)


def score_with_feedback(
    task: Task, problem: Problem, answer: str, *, reward_mode: str = "shaped"
) -> tuple[Verdict, str]:
    """Judge a bare answer (no answer tags needed; a tagged one is extracted as usual) with feedback."""
    extracted = extract_answer(answer[-MAX_COMPLETION_CHARS:])
    text = extracted if extracted is not None else normalize_answer(answer[-MAX_COMPLETION_CHARS:])
    with collect_feedback() as notes:
        if not text:
            verdict = rewards.unparsable("the answer is empty")
        else:
            try:
                verdict = task.score(problem.parameters, text)
            except AnswerFormatError as error:
                verdict = rewards.unparsable(str(error))
    if check_reward_mode(reward_mode) == "binary":
        verdict = Verdict(float(verdict.accuracy), verdict.accuracy, verdict.format_ok, verdict.detail)
    return verdict, "\n".join(notes) if notes else _generic_feedback(verdict)


def _attempts_line(max_attempts: int) -> str:
    return (
        f"You have {max_attempts} attempts. After each wrong attempt you will be shown feedback on it; "
        "the episode ends at the first correct answer."
    )


class MultiTurnTaskEnv(TaskEnv):
    """A multi-turn Gymnasium environment for one task (see the module docstring for the full contract)."""

    def __init__(
        self,
        task: str | Task,
        difficulty: int = 0,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        reward_mode: str = "shaped",
        answer_format: str = "answer_tag",
        render_mode: str | None = None,
    ) -> None:
        super().__init__(task, difficulty, reward_mode, answer_format, render_mode)
        if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 2:
            raise ValueError(f"max_attempts must be an integer ≥ 2 (use TaskEnv for one attempt), got {max_attempts!r}")
        self.max_attempts = max_attempts
        self.attempts = 0
        self._observation = ""

    @property
    def env_id(self) -> str:
        """The Gymnasium id of this task's multi-turn environment."""
        return multiturn_env_id(self.task.name, self.task.version)

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
        """Generate a new problem; returns (prompt, info)."""
        prompt, info = super().reset(seed=seed, options=options)
        self.attempts = 0
        self._observation = f"{prompt}\n{_attempts_line(self.max_attempts)}"
        return self._observation, {**info, "max_attempts": self.max_attempts}

    def step(self, action: str) -> tuple[str, float, bool, bool, dict[str, Any]]:
        """Verify one attempt; returns feedback, and ends the episode on success or on the last attempt."""
        if self.problem is None:
            raise ResetNeeded("call reset() before step(), and again after each episode ends")
        if not isinstance(action, str):
            raise TypeError(f"the action must be the completion text (str), got {type(action).__name__}")
        problem = self.problem
        verdict, feedback = verify_with_feedback(self.task, problem, action, reward_mode=self.reward_mode)
        self.attempts += 1
        terminated = verdict.accuracy == 1
        truncated = not terminated and self.attempts >= self.max_attempts
        if terminated or truncated:
            self.problem = None
        left = self.max_attempts - self.attempts
        ending = "" if terminated or truncated else f"\n\nAttempts left: {left}. Try again."
        self._observation = sanitize(feedback) + ending
        info = {
            "attempt": self.attempts,
            "accuracy": verdict.accuracy,
            "format_ok": verdict.format_ok,
            "attempt_reward": verdict.reward,
            "detail": verdict.detail,
            "task": self.task.name,
            "difficulty": problem.difficulty,
            "seed": problem.seed,
        }
        reward = verdict.reward if terminated or truncated else 0.0
        return self._observation, reward, terminated, truncated, info

    def render(self) -> str | None:
        """ANSI render: the last observation."""
        return self._observation if self.render_mode == "ansi" else None


def multiturn_env_id(task_name: str, version: int = 0) -> str:
    """The Gymnasium id of a task's multi-turn environment: ``rlve/<name>-multiturn-v<version>``."""
    return f"rlve/{task_name}-multiturn-v{version}"


def register_multiturn_env(task_name: str) -> str:
    """Register (or re-register) the multi-turn Gymnasium id of a registered task; returns the id."""
    from rlve_gym.core.registry import task_class

    gym_id = multiturn_env_id(task_name, task_class(task_name).version)
    existing = gym.registry.get(gym_id)
    if existing is None or existing.kwargs != {"task": task_name}:
        gym.register(id=gym_id, entry_point="rlve_gym.multiturn:MultiTurnTaskEnv", kwargs={"task": task_name})
    return gym_id


def register_multiturn_envs(family: str = "code") -> None:
    """Register ``rlve/<name>-multiturn-v<version>`` for every built-in task of `family`, without importing them."""
    from rlve_gym.envs import CATALOGUE, VERSIONS

    for name, location in CATALOGUE.items():
        if location.split(".", 1)[0] == family:
            gym_id = multiturn_env_id(name, VERSIONS.get(name, 0))
            if gym_id not in gym.registry:
                gym.register(id=gym_id, entry_point="rlve_gym.multiturn:MultiTurnTaskEnv", kwargs={"task": name})


# ---------------------------------------------------------------------------------------------------- TRL
class ToolEnvironment:
    """A multi-turn episode for TRL's ``GRPOTrainer(environment_factory=...)``.

    TRL builds instances with no arguments, calls ``reset(**row)`` with the dataset row's columns before each
    rollout (the returned text is appended to the last user message), exposes every public method other than
    ``reset`` and ``get_reward`` as a tool, and reads ``get_reward()`` once per rollout. Use
    ``ToolEnvironment.factory(task=..., difficulty=...)`` as the factory, and `tool_dataset_rows` for a dataset.

    A row names its problem by a ``problem`` column (a `Problem` as JSON or dict) or by ``task`` / ``seed`` /
    ``difficulty`` columns (missing ones fall back to the factory's arguments; a missing seed is drawn from the
    instance's own generator). Other columns, such as ``prompt``, are ignored.

    Reward: 1 once an attempt is correct; otherwise the last attempt's reward; -1 when nothing was submitted.
    """

    def __init__(
        self,
        task: str | None = None,
        difficulty: int = 0,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        reward_mode: str = "shaped",
        seed: int | None = None,
    ) -> None:
        if not isinstance(max_attempts, int) or isinstance(max_attempts, bool) or max_attempts < 1:
            raise ValueError(f"max_attempts must be a positive integer, got {max_attempts!r}")
        self._default_task = task
        self._default_difficulty = check_difficulty(difficulty)
        self._max_attempts = max_attempts
        self._reward_mode = check_reward_mode(reward_mode)
        self._seeds = random.Random(seed)
        self._task: Task | None = None
        self._problem: Problem | None = None
        self._attempts = 0
        self._reward = rewards.WRONG_FORMAT
        self._solved = False

    @classmethod
    def factory(cls, **arguments: Any) -> Callable[[], ToolEnvironment]:
        """A no-argument factory for ``environment_factory`` (arguments as for the constructor)."""
        return functools.partial(cls, **arguments)

    @property
    def problem(self) -> Problem | None:
        """The current problem."""
        return self._problem

    @property
    def attempts(self) -> int:
        """Answers submitted in the current episode."""
        return self._attempts

    def reset(self, **row: Any) -> str:
        """Start an episode on the row's problem; returns the problem statement and how to answer."""
        problem = row.get("problem")
        if problem is not None:
            self._problem = Problem.from_dict(json.loads(problem) if isinstance(problem, str) else problem)
        else:
            name = row.get("task", self._default_task)
            if not name:
                raise ValueError("the row has no 'problem' or 'task' column and the factory names no task")
            seed = row.get("seed")
            seed = int(seed) if seed is not None else self._seeds.getrandbits(63)
            difficulty = check_difficulty(int(row.get("difficulty", self._default_difficulty)))
            self._problem = get_task(name).generate(seed, difficulty)
        self._task = get_task(self._problem.task)
        self._attempts, self._reward, self._solved = 0, rewards.WRONG_FORMAT, False
        attempts = "1 attempt" if self._max_attempts == 1 else f"{self._max_attempts} attempts"
        return (
            f"{self._problem.prompt}\n\n"
            f"Submit your final answer with the submit tool (the answer itself, no tags). You have {attempts}; "
            "each submission returns feedback, and the episode ends at the first correct answer."
        )

    def submit(self, answer: str) -> str:
        """Submit an answer to the current problem and get feedback on it.

        Args:
            answer: The complete answer, exactly as the problem asks for it (for code tasks, the whole program).

        Returns:
            Feedback on the answer and how many attempts are left.
        """
        if self._problem is None or self._task is None:
            return "There is no problem yet: the environment was not reset."
        if self._solved or self._attempts >= self._max_attempts:
            return "The episode is over; further submissions are not scored."
        if not isinstance(answer, str):
            answer = str(answer)
        verdict, feedback = score_with_feedback(self._task, self._problem, answer, reward_mode=self._reward_mode)
        self._attempts += 1
        self._reward = verdict.reward
        self._solved = verdict.accuracy == 1
        if self._solved:
            return sanitize(feedback) + "\nCorrect. The episode is over."
        left = self._max_attempts - self._attempts
        status = f"Attempts left: {left}." if left else "No attempts left. The episode is over."
        return f"{sanitize(feedback)}\n{status}"

    def get_reward(self) -> float:
        """The episode's reward: 1 if solved, else the last attempt's reward (-1 before any submission)."""
        return self._reward


def tool_dataset_rows(task: str, difficulty: int, seeds: Iterable[int]) -> list[dict[str, Any]]:
    """Dataset rows for `ToolEnvironment`: an empty user message (``reset`` supplies the problem) plus the problem
    as JSON, so that every rollout of a row sees the same problem."""
    return [
        {"prompt": [{"role": "user", "content": ""}], "problem": get_task(task).generate(seed, difficulty).to_json()}
        for seed in seeds
    ]
