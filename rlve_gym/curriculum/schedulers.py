"""Difficulty schedulers: the per-task state that decides which levels a task's problems are drawn from.

A scheduler sees every finished group through `observe(task, difficulty, correct, total)` and changes difficulty
only in `step()` (once per optimizer step). Its whole state is plain integers (`state_dict`), so a resumed run
continues exactly.

- `RLVEScheduler`: RLVE's published rule (counts rollouts at d = h only; h += 1 at ≥ `accuracy_threshold`).
- `Zaya1Scheduler`: ZAYA1's ±1 rule per group at the current d, with least-sampled-first task weights.
- `StaticScheduler`: fixed [low, high] ranges (the baseline).
"""

from __future__ import annotations

import abc
import numbers
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rlve_gym.curriculum.config import (
    ResolvedTask,
    RLVESchedulerConfig,
    StaticSchedulerConfig,
    Zaya1SchedulerConfig,
)


def count_correct(accuracies: Iterable[Any], where: str = "accuracies") -> tuple[int, int]:
    """(correct, total) of a group's binary accuracies; raises ValueError for an empty group or a non-binary value
    (a shaped reward passed by mistake, say)."""
    correct = total = 0
    for value in accuracies:
        if isinstance(value, numbers.Real) and value in (0, 1):  # numbers.Real also admits numpy scalars
            correct += int(value)
            total += 1
        else:
            raise ValueError(f"{where} must be binary (0 or 1: the accuracy, not the shaped reward); got {value!r}")
    if total == 0:
        raise ValueError(f"{where} is empty: a group needs at least one rollout")
    return correct, total


@dataclass(frozen=True)
class DifficultyChange:
    """A task's frontier moved during `step()`."""

    task: str
    """Task name."""
    previous: int
    """Frontier before the step."""
    current: int
    """Frontier after the step."""


class Scheduler(abc.ABC):
    """Per-task difficulty state. Tasks are addressed by name; `names` fixes their order."""

    kind: ClassVar[str]

    def __init__(self, tasks: Sequence[ResolvedTask]) -> None:
        self.names: tuple[str, ...] = tuple(task.name for task in tasks)
        self.weights: tuple[float, ...] = tuple(task.weight for task in tasks)
        # Rollouts (and correct ones) counted toward the next decision, per task: see `frontier`.
        self._counted = dict.fromkeys(self.names, 0)
        self._correct = dict.fromkeys(self.names, 0)

    @abc.abstractmethod
    def difficulty_range(self, task: str) -> tuple[int, int]:
        """The levels [low, high] that `task`'s next problems are drawn from (uniformly)."""

    def task_weights(self, sampled: Sequence[int]) -> Sequence[float]:
        """Sampling weights of the tasks (in `names` order), given how many problems each has had so far."""
        return self.weights

    @abc.abstractmethod
    def observe(self, task: str, difficulty: int, correct: int, total: int) -> None:
        """Record one finished group: `correct` of `total` rollouts of a `task` problem at `difficulty` passed."""

    @abc.abstractmethod
    def step(self) -> list[DifficultyChange]:
        """Apply the rule after an optimizer step; return the tasks whose frontier moved."""

    def frontier(self, task: str) -> tuple[int, int]:
        """(rollouts, correct rollouts) the rule currently counts for `task` at its frontier."""
        return self._counted[task], self._correct[task]

    def set_start(self, task: str, difficulty: int) -> None:
        """Move `task`'s frontier to `difficulty` (calibration). Only adaptive schedulers support it."""
        raise TypeError(f"the {self.kind} scheduler has fixed ranges; calibration needs rlve or zaya1")

    # ------------------------------------------------------------------------------------- state
    def state_dict(self) -> dict[str, Any]:
        """Plain-JSON state: the kind, each task's integers (`_task_state`) and any scheduler-wide extras."""
        return {"kind": self.kind, "tasks": {name: self._task_state(name) for name in self.names}, **self._extra()}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Restore `state_dict()` output. Tasks missing from `state` keep their fresh state; tasks in `state` that
        this scheduler does not have are ignored (the caller decides whether that is allowed)."""
        if state.get("kind") != self.kind:
            raise ValueError(f"the state is for a {state.get('kind')!r} scheduler, this curriculum uses {self.kind!r}")
        for name, values in state["tasks"].items():
            if name in self._counted:
                self._load_task_state(name, values)
        self._load_extra(state)

    def _task_state(self, task: str) -> dict[str, int]:
        return {"counted": self._counted[task], "correct": self._correct[task]}

    def _load_task_state(self, task: str, values: dict[str, int]) -> None:
        self._counted[task] = int(values["counted"])
        self._correct[task] = int(values["correct"])

    def _extra(self) -> dict[str, Any]:
        return {}

    def _load_extra(self, state: dict[str, Any]) -> None:
        return None


class RLVEScheduler(Scheduler):
    """RLVE's rule; see `RLVESchedulerConfig`."""

    kind = "rlve"

    def __init__(self, config: RLVESchedulerConfig, tasks: Sequence[ResolvedTask]) -> None:
        super().__init__(tasks)
        self.config = config
        self._high = {task.name: int(task.initial_difficulty or 0) for task in tasks}

    def difficulty_range(self, task: str) -> tuple[int, int]:
        high = self._high[task]
        return max(0, high - self.config.window + 1), high

    def observe(self, task: str, difficulty: int, correct: int, total: int) -> None:
        # Only problems at the frontier count; older levels (and stale problems drawn before h moved) do not.
        if difficulty == self._high[task]:
            self._counted[task] += total
            self._correct[task] += correct

    def step(self) -> list[DifficultyChange]:
        changes = []
        for name in self.names:
            counted = self._counted[name]
            if counted < self.config.min_rollouts:
                continue
            if self._correct[name] / counted >= self.config.accuracy_threshold:
                changes.append(DifficultyChange(name, self._high[name], self._high[name] + 1))
                self._high[name] += 1
            self._counted[name] = self._correct[name] = 0
        return changes

    def set_start(self, task: str, difficulty: int) -> None:
        self._high[task] = difficulty
        self._counted[task] = self._correct[task] = 0

    def _task_state(self, task: str) -> dict[str, int]:
        return {"high": self._high[task], **super()._task_state(task)}

    def _load_task_state(self, task: str, values: dict[str, int]) -> None:
        super()._load_task_state(task, values)
        self._high[task] = int(values["high"])


class Zaya1Scheduler(Scheduler):
    """ZAYA1's rule; see `Zaya1SchedulerConfig`.

    Groups are queued by `observe` and applied one by one, in observation order, by `step` (the rule is per group).
    A group moves d only if it was drawn at d as it stands when the group is applied: groups drawn before a move are
    stale and ignored, as in RLVE. With the default window of 1, d therefore moves at most once per task per step.
    """

    kind = "zaya1"

    def __init__(self, config: Zaya1SchedulerConfig, tasks: Sequence[ResolvedTask]) -> None:
        super().__init__(tasks)
        self.config = config
        self._current = {task.name: int(task.initial_difficulty or 0) for task in tasks}
        self._pending: list[tuple[str, int, int, int]] = []
        mean_weight = sum(self.weights) / len(self.weights)
        self._relative_weights = [weight / mean_weight for weight in self.weights]

    def difficulty_range(self, task: str) -> tuple[int, int]:
        current = self._current[task]
        return max(0, current - self.config.window + 1), current

    def task_weights(self, sampled: Sequence[int]) -> Sequence[float]:
        if not self.config.balance:
            return self.weights
        # Least-sampled first: a task's weight shrinks with how far its (weight-normalised) count is ahead of the
        # least-sampled task's, so counts stay proportional to the configured weights.
        relative = [count / weight for count, weight in zip(sampled, self._relative_weights)]
        least = min(relative)
        return [weight / (1.0 + ahead - least) for weight, ahead in zip(self.weights, relative)]

    def observe(self, task: str, difficulty: int, correct: int, total: int) -> None:
        self._pending.append((task, difficulty, correct, total))
        if difficulty == self._current[task]:
            self._counted[task] += total
            self._correct[task] += correct

    def step(self) -> list[DifficultyChange]:
        start = dict(self._current)
        for task, difficulty, correct, total in self._pending:
            current = self._current[task]
            if difficulty != current:
                continue
            pass_rate = correct / total
            if pass_rate > self.config.promote_above:
                self._move(task, current + 1)
            elif pass_rate <= self.config.demote_at_or_below and current > 0:
                self._move(task, current - 1)
        self._pending.clear()
        return [
            DifficultyChange(name, start[name], self._current[name])
            for name in self.names
            if start[name] != self._current[name]
        ]

    def _move(self, task: str, difficulty: int) -> None:
        self._current[task] = difficulty
        self._counted[task] = self._correct[task] = 0

    def set_start(self, task: str, difficulty: int) -> None:
        self._move(task, difficulty)

    def _task_state(self, task: str) -> dict[str, int]:
        return {"current": self._current[task], **super()._task_state(task)}

    def _load_task_state(self, task: str, values: dict[str, int]) -> None:
        super()._load_task_state(task, values)
        self._current[task] = int(values["current"])

    def _extra(self) -> dict[str, Any]:
        return {"pending": [list(group) for group in self._pending]}

    def _load_extra(self, state: dict[str, Any]) -> None:
        self._pending = [
            (str(task), int(difficulty), int(correct), int(total))
            for task, difficulty, correct, total in state.get("pending", [])
            if task in self._current
        ]


class StaticScheduler(Scheduler):
    """Fixed ranges; see `StaticSchedulerConfig`. Its frontier counters count rollouts at d = high, forever."""

    kind = "static"

    def __init__(self, config: StaticSchedulerConfig, tasks: Sequence[ResolvedTask]) -> None:
        super().__init__(tasks)
        self.config = config
        self._ranges = {task.name: task.range or config.range for task in tasks}

    def difficulty_range(self, task: str) -> tuple[int, int]:
        return self._ranges[task]

    def observe(self, task: str, difficulty: int, correct: int, total: int) -> None:
        if difficulty == self._ranges[task][1]:
            self._counted[task] += total
            self._correct[task] += correct

    def step(self) -> list[DifficultyChange]:
        return []


def make_scheduler(
    config: RLVESchedulerConfig | Zaya1SchedulerConfig | StaticSchedulerConfig, tasks: Sequence[ResolvedTask]
) -> Scheduler:
    """The scheduler for a validated scheduler config."""
    if isinstance(config, RLVESchedulerConfig):
        return RLVEScheduler(config, tasks)
    if isinstance(config, Zaya1SchedulerConfig):
        return Zaya1Scheduler(config, tasks)
    return StaticScheduler(config, tasks)
