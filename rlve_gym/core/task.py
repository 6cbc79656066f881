"""The `Task` base class: a procedural problem family with an unbounded integer difficulty ladder.

A task file reads top to bottom: the spec docstring → `ladder` (what each difficulty level means) → `sample`
(draws an instance from a seeded local RNG and returns its JSON-able parameters plus the reference answer) →
`render_prompt` → `solve` (an independent reference solver, where one exists, used by the tests) → `score`
(parse, validate, shape the reward). `generate` and `verify` are written once, here, for every task.

The class docstring is the task's spec and must contain three labelled paragraphs::

    Difficulty: what d controls and how it grows.
    Reward: how the reward is shaped.
    Answer: the exact answer format.
"""

from __future__ import annotations

import abc
import inspect
import json
import random
import re
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, get_args

from rlve_gym.core.answers import ANSWER_FORMATS, extract_answer
from rlve_gym.core.errors import AnswerFormatError, TaskError
from rlve_gym.core.problem import Instance, Problem, Verdict
from rlve_gym.core.rewards import unparsable
from rlve_gym.core.seeding import task_rng

RewardMode = Literal["shaped", "binary"]
REWARD_MODES: tuple[str, ...] = get_args(RewardMode)

FAMILIES: dict[str, str] = {
    "math": "arithmetic, number theory, algebra, calculus",
    "counting": "combinatorial counting (programming-competition style)",
    "algorithmic": "classical algorithms on sequences, strings and numbers",
    "graph": "graph and tree algorithms",
    "optimization": "find a best solution; partial credit for feasible ones",
    "puzzle": "logic puzzles and NP-complete constructions",
    "code": "write, read or repair programs (executed in the sandbox)",
}
"""The built-in families (user tasks may use others)."""

_SPEC_SECTIONS = ("Difficulty", "Reward", "Answer")
_SPEC_HEADER = re.compile(rf"^({'|'.join(_SPEC_SECTIONS)}):\s*(.*)$")


@dataclass(frozen=True)
class TaskSpec:
    """A task's spec, read from its docstring."""

    summary: str
    """First line: what the problem is."""
    difficulty: str
    """What the difficulty level controls."""
    reward: str
    """How the reward is shaped."""
    answer: str
    """The answer format."""


def check_difficulty(difficulty: object) -> int:
    """Return `difficulty` if it is a non-negative int, else raise TaskError."""
    if isinstance(difficulty, bool) or not isinstance(difficulty, int) or difficulty < 0:
        raise TaskError(f"difficulty must be a non-negative integer, got {difficulty!r}")
    return difficulty


def check_seed(seed: object) -> int:
    """Return `seed` if it is an int, else raise TaskError."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TaskError(f"seed must be an integer, got {seed!r}")
    return seed


def check_reward_mode(reward_mode: str) -> RewardMode:
    """Return `reward_mode` if known, else raise ValueError naming the choices."""
    if reward_mode not in REWARD_MODES:
        raise ValueError(f"reward_mode must be one of {', '.join(REWARD_MODES)}; got {reward_mode!r}")
    return reward_mode  # type: ignore[return-value]


class Task(abc.ABC):
    """A procedural task. Subclasses set `family` and implement `ladder`, `sample`, `render_prompt` and `score`.

    Tasks are stateless: one instance serves any number of problems, threads and processes.
    """

    name: ClassVar[str]
    """Registered name (defaults to the class name), e.g. ``"Sorting"``."""
    family: ClassVar[str]
    """One of `FAMILIES` for built-in tasks."""
    version: ClassVar[int] = 0
    """Bumped whenever generated problems or verdicts change."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" not in cls.__dict__:
            cls.name = cls.__name__

    # ----------------------------------------------------------------------------------------- to implement
    @abc.abstractmethod
    def ladder(self, difficulty: int) -> dict[str, int | float]:
        """The size parameters at a difficulty level; every value is non-decreasing in `difficulty`."""

    @abc.abstractmethod
    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        """Draw one instance at `difficulty` using only `rng`."""

    @abc.abstractmethod
    def render_prompt(self, parameters: dict[str, Any]) -> str:
        """The task statement for an instance; it states the exact answer format."""

    @abc.abstractmethod
    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        """Judge an extracted, normalised answer. Raise `AnswerFormatError` when it does not parse."""

    # ----------------------------------------------------------------------------------------- provided
    def generate(self, seed: int, difficulty: int) -> Problem:
        """The problem for (`seed`, `difficulty`): deterministic, identical in every process."""
        check_seed(seed)
        check_difficulty(difficulty)
        instance = self.sample(task_rng(self.name, seed, difficulty), difficulty)
        if not isinstance(instance, Instance):
            raise TaskError(f"{self.name}.sample must return an Instance, got {type(instance).__name__}")
        if not isinstance(instance.reference_answer, str):
            raise TaskError(f"{self.name}: the reference answer must be a str")
        try:
            json.dumps(instance.parameters, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise TaskError(f"{self.name}: parameters must be JSON-able: {exc}") from None
        return Problem(
            task=self.name,
            seed=seed,
            difficulty=difficulty,
            prompt=self.render_prompt(instance.parameters),
            parameters=instance.parameters,
            reference_answer=instance.reference_answer,
            task_version=self.version,
        )

    def verify(
        self,
        problem: Problem,
        completion: str,
        *,
        reward_mode: str = "shaped",
        formats: tuple[str, ...] = ANSWER_FORMATS,
    ) -> Verdict:
        """Judge a model completion of `problem` (the last answer block counts; reasoning is ignored).

        `reward_mode="binary"` sets the reward to the accuracy (0 or 1).
        """
        check_reward_mode(reward_mode)
        if problem.task != self.name:
            raise TaskError(f"problem of task {problem.task!r} passed to {self.name}.verify")
        answer = extract_answer(completion, formats)
        if answer is None:
            verdict = unparsable("no final answer found (expected <answer>…</answer> or \\boxed{…})")
        else:
            try:
                verdict = self.score(problem.parameters, answer)
            except AnswerFormatError as exc:
                verdict = unparsable(str(exc))
        if reward_mode == "binary":
            verdict = Verdict(float(verdict.accuracy), verdict.accuracy, verdict.format_ok, verdict.detail)
        return verdict

    @classmethod
    def spec(cls) -> TaskSpec:
        """The spec sections of the class docstring (raises TaskError when one is missing)."""
        doc = inspect.cleandoc(cls.__doc__ or "")
        lines = doc.split("\n")
        sections: dict[str, list[str]] = {}
        current: str | None = None
        for line in lines[1:]:
            header = _SPEC_HEADER.match(line)
            if header:
                current = header.group(1)
                sections[current] = [header.group(2)]
            elif current and line.strip():
                sections[current].append(line.strip())
            else:
                current = None
        missing = [section for section in _SPEC_SECTIONS if not sections.get(section)]
        if not lines[0].strip() or missing:
            raise TaskError(f"{cls.__name__}'s docstring lacks a summary line or section(s): {', '.join(missing)}")
        joined = {section: " ".join(parts).strip() for section, parts in sections.items()}
        return TaskSpec(lines[0].strip(), joined["Difficulty"], joined["Reward"], joined["Answer"])

    def __repr__(self) -> str:
        return f"<Task {self.name} ({self.family})>"
