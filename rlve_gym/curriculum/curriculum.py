"""`Curriculum`: which problem to generate next, adapted to how the model is doing.

    curriculum = Curriculum.from_yaml("smoke")          # a shipped name or a YAML path
    specs = curriculum.sample(64)                        # ProblemSpec(task, difficulty, seed) × 64
    ...generate the problems (rlve_gym.batch.WorkerPool), roll out, verify...
    for spec, group in zip(specs, accuracies):           # binary accuracies of each problem's rollouts
        curriculum.observe(spec, group)                  # every finished group, including dropped ones
    curriculum.step()                                    # once per optimizer step: difficulties move here
    curriculum.save("ckpt/curriculum.json")              # atomic; curriculum.load(...) resumes exactly

The problem stream is a pure function of (config, seed, observed results): the curriculum draws only from its own
`random.Random` (seeded from the config's seed) and derives each problem's seed from a counter, and both live in
`state_dict()`. Nothing here imports torch.
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rlve_gym.core.problem import ProblemSpec
from rlve_gym.core.seeding import stable_seed
from rlve_gym.curriculum.calibration import CalibrationResult, Evaluate, calibrate_tasks
from rlve_gym.curriculum.config import CalibrationConfig, CurriculumConfig, StaticSchedulerConfig, validate_config
from rlve_gym.curriculum.schedulers import DifficultyChange, Scheduler, count_correct, make_scheduler
from rlve_gym.curriculum.shipped import load_config
from rlve_gym.curriculum.state import STATE_VERSION, CurriculumStateError, read_state, write_state

_SEED_NAMESPACE = "rlve_gym.curriculum"


@dataclass
class _TaskCounts:
    sampled: int = 0
    groups: int = 0
    rollouts: int = 0
    correct: int = 0
    effective_groups: int = 0


@dataclass(frozen=True)
class TaskMetrics:
    """One task's numbers."""

    low: int
    """Lowest difficulty its problems are drawn from now."""
    high: int
    """Highest difficulty (the frontier) its problems are drawn from now."""
    sampled_problems: int
    """Problems sampled so far."""
    observed_groups: int
    """Groups observed so far."""
    observed_rollouts: int
    """Rollouts observed so far."""
    accuracy: float | None
    """Share of all observed rollouts that were correct (None before any)."""
    effective_groups: int
    """Observed groups with non-zero reward variance (some but not all rollouts correct)."""
    counted_rollouts: int
    """Rollouts the scheduler counts toward its next decision (RLVE: at d = h since the last check)."""
    frontier_accuracy: float | None
    """Accuracy of the counted rollouts (None when there are none)."""


@dataclass(frozen=True)
class CurriculumMetrics:
    """A snapshot for logging (`flat()` gives ``{"curriculum/...": number}``)."""

    steps: int
    """`step()` calls so far."""
    sampled_problems: int
    """Problems sampled so far."""
    observed_groups: int
    """Groups observed so far."""
    effective_prompt_ratio: float | None
    """Share of all observed groups with non-zero variance (None before any)."""
    last_step_effective_prompt_ratio: float | None
    """The same, over the groups observed between the last two `step()` calls."""
    tasks: dict[str, TaskMetrics] = field(default_factory=dict)
    """Per task."""

    def flat(self, prefix: str = "curriculum") -> dict[str, float]:
        """Flat ``{"<prefix>/<name>": value}`` for loggers; None values are left out."""
        highs = [task.high for task in self.tasks.values()]
        values: dict[str, Any] = {
            "steps": self.steps,
            "sampled_problems": self.sampled_problems,
            "observed_groups": self.observed_groups,
            "effective_prompt_ratio": self.effective_prompt_ratio,
            "last_step_effective_prompt_ratio": self.last_step_effective_prompt_ratio,
            "mean_high": sum(highs) / len(highs) if highs else None,
            "max_high": max(highs, default=None),
        }
        for name, task in self.tasks.items():
            for key in ("low", "high", "accuracy", "counted_rollouts", "frontier_accuracy"):
                values[f"{name}/{key}"] = getattr(task, key)
        return {f"{prefix}/{key}": float(value) for key, value in values.items() if value is not None}


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


class Curriculum:
    """An adaptive-difficulty curriculum over registered tasks (see the module docstring for the loop).

    Build one with `from_yaml` or `from_config`. Not thread-safe: drive it from one thread (the trainer's).
    """

    def __init__(self, config: CurriculumConfig) -> None:
        self.config = config
        self._resolved = config.resolve()
        self.tasks: tuple[str, ...] = tuple(task.name for task in self._resolved)
        """Task names, in sampling order."""
        self._scheduler: Scheduler = make_scheduler(config.scheduler, self._resolved)
        self._rng = random.Random(f"{_SEED_NAMESPACE}:{config.seed}")
        self._problems = 0
        self._steps = 0
        self._counts = {name: _TaskCounts() for name in self.tasks}
        self._step_groups = [0, 0]  # (groups, effective groups) observed since the last step()
        self._last_step_groups = [0, 0]
        self._calibrated: dict[str, int] | None = None

    # ------------------------------------------------------------------------------------- construction
    @classmethod
    def from_yaml(cls, path_or_name: str | Path) -> Curriculum:
        """A curriculum from a YAML file or a shipped curriculum's name (``smoke``, ``rlve-400``, ...)."""
        return cls(load_config(path_or_name))

    @classmethod
    def from_config(cls, config: Mapping[str, Any] | CurriculumConfig) -> Curriculum:
        """A curriculum from a config dict (same schema as the YAML) or a validated `CurriculumConfig`."""
        if not isinstance(config, CurriculumConfig):
            config = validate_config(config)
        return cls(config)

    @property
    def name(self) -> str:
        """The curriculum's name (``"curriculum"`` when the config has none)."""
        return self.config.name or "curriculum"

    @property
    def seed(self) -> int:
        """The curriculum seed."""
        return self.config.seed

    def __repr__(self) -> str:
        return f"<Curriculum {self.name!r}: {len(self.tasks)} tasks, {self._scheduler.kind}, step {self._steps}>"

    # ------------------------------------------------------------------------------------- the loop
    def sample(self, n: int) -> list[ProblemSpec]:
        """The next `n` problems to generate: a task by weight, a difficulty uniformly in its range, a fresh seed."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"n must be a non-negative integer, got {n!r}")
        if self.calibration_pending:
            warnings.warn(
                f"curriculum {self.name!r} asks for calibration but calibrate(evaluate) was not called; "
                "every task starts at its initial_difficulty",
                stacklevel=2,
            )
            self._calibrated = {}
        indices = range(len(self.tasks))
        specs = []
        for _ in range(n):
            sampled = [self._counts[name].sampled for name in self.tasks]
            index = self._rng.choices(indices, weights=self._scheduler.task_weights(sampled))[0]
            task = self.tasks[index]
            low, high = self._scheduler.difficulty_range(task)
            difficulty = self._rng.randint(low, high)
            seed = stable_seed(_SEED_NAMESPACE, self.config.seed, self._problems)
            self._problems += 1
            self._counts[task].sampled += 1
            specs.append(ProblemSpec(task, difficulty, seed))
        return specs

    def observe(self, spec: ProblemSpec, accuracies: Any) -> None:
        """Record the binary accuracies (0/1) of the rollouts of one problem (any object with `task` and
        `difficulty`, e.g. a ProblemSpec or a Problem). Call it for every finished group, including groups that
        dynamic sampling drops; difficulty only moves in `step()`."""
        task = getattr(spec, "task", None)
        difficulty = getattr(spec, "difficulty", None)
        if task not in self._counts:
            raise ValueError(f"task {task!r} is not part of curriculum {self.name!r}")
        if isinstance(difficulty, bool) or not isinstance(difficulty, int) or difficulty < 0:
            raise ValueError(f"difficulty must be a non-negative integer, got {difficulty!r}")
        correct, total = count_correct(accuracies)
        effective = int(0 < correct < total)
        counts = self._counts[task]
        counts.groups += 1
        counts.rollouts += total
        counts.correct += correct
        counts.effective_groups += effective
        self._step_groups[0] += 1
        self._step_groups[1] += effective
        self._scheduler.observe(task, difficulty, correct, total)

    def step(self) -> list[DifficultyChange]:
        """Apply the scheduler's rule (call once per optimizer step); returns the tasks whose frontier moved."""
        changes = self._scheduler.step()
        self._steps += 1
        self._last_step_groups = self._step_groups
        self._step_groups = [0, 0]
        return changes

    def difficulty_range(self, task: str) -> tuple[int, int]:
        """The levels (low, high) that `task`'s next problems are drawn from."""
        if task not in self._counts:
            raise ValueError(f"task {task!r} is not part of curriculum {self.name!r}")
        return self._scheduler.difficulty_range(task)

    # ------------------------------------------------------------------------------------- calibration
    @property
    def calibration_pending(self) -> bool:
        """True when the config asks for calibration and `calibrate` has not run (nor was skipped by sampling)."""
        wants = getattr(self.config.scheduler, "calibration", None) is not None
        return wants and self._calibrated is None

    def calibrate(self, evaluate: Evaluate) -> dict[str, CalibrationResult]:
        """Set each task's start difficulty to the level with the target pass rate (ZAYA1's IRT/Thompson
        calibration; settings from ``scheduler.calibration``, defaults otherwise). `evaluate(task, difficulty, n)`
        returns the n binary accuracies of the model on n fresh problems. Must run before the first `sample`."""
        if isinstance(self.config.scheduler, StaticSchedulerConfig):
            raise ValueError("calibration sets start difficulties; the static scheduler has fixed ranges")
        if self._problems:
            raise RuntimeError("calibrate() must run before the first sample()")
        settings = getattr(self.config.scheduler, "calibration", None) or CalibrationConfig()
        seed = self.config.seed
        results = calibrate_tasks(
            self.tasks, evaluate, settings, lambda task: random.Random(f"{_SEED_NAMESPACE}.calibration:{seed}:{task}")
        )
        for task, result in results.items():
            self._scheduler.set_start(task, result.difficulty)
        self._calibrated = {task: result.difficulty for task, result in results.items()}
        return results

    # ------------------------------------------------------------------------------------- metrics
    def metrics(self) -> CurriculumMetrics:
        """Counters and ratios for logging."""
        tasks = {}
        for name, counts in self._counts.items():
            low, high = self._scheduler.difficulty_range(name)
            counted, counted_correct = self._scheduler.frontier(name)
            tasks[name] = TaskMetrics(
                low=low,
                high=high,
                sampled_problems=counts.sampled,
                observed_groups=counts.groups,
                observed_rollouts=counts.rollouts,
                accuracy=_ratio(counts.correct, counts.rollouts),
                effective_groups=counts.effective_groups,
                counted_rollouts=counted,
                frontier_accuracy=_ratio(counted_correct, counted),
            )
        groups = sum(counts.groups for counts in self._counts.values())
        effective = sum(counts.effective_groups for counts in self._counts.values())
        return CurriculumMetrics(
            steps=self._steps,
            sampled_problems=self._problems,
            observed_groups=groups,
            effective_prompt_ratio=_ratio(effective, groups),
            last_step_effective_prompt_ratio=_ratio(self._last_step_groups[1], self._last_step_groups[0]),
            tasks=tasks,
        )

    # ------------------------------------------------------------------------------------- state
    def state_dict(self) -> dict[str, Any]:
        """Everything needed to continue exactly (plain JSON data): RNG, counters, scheduler, and the config it
        belongs to."""
        version, internal, gauss_next = self._rng.getstate()
        return {
            "version": STATE_VERSION,
            "config": self.config.model_dump(mode="json"),
            "tasks": list(self.tasks),
            "rng": [version, list(internal), gauss_next],
            "problems": self._problems,
            "steps": self._steps,
            "counts": {name: asdict(counts) for name, counts in self._counts.items()},
            "step_groups": list(self._step_groups),
            "last_step_groups": list(self._last_step_groups),
            "calibrated": self._calibrated,
            "scheduler": self._scheduler.state_dict(),
        }

    def load_state_dict(self, state: Mapping[str, Any], *, strict: bool = True) -> None:
        """Restore `state_dict()` output. With `strict` (the default) the state must come from the same config
        and task list; `strict=False` accepts a changed config (e.g. a threshold) or task list (tasks new here
        start fresh, tasks gone are dropped). Raises CurriculumStateError; on error nothing is changed."""
        if not isinstance(state, Mapping):
            raise CurriculumStateError(f"a curriculum state must be a mapping, got {type(state).__name__}")
        if state.get("version") != STATE_VERSION:
            raise CurriculumStateError(
                f"curriculum state version {state.get('version')!r}; this rlve_gym reads version {STATE_VERSION}"
            )
        try:
            saved_tasks = [str(name) for name in state["tasks"]]
            if strict:
                self._check_same_curriculum(state["config"], saved_tasks)
            scheduler = make_scheduler(self.config.scheduler, self._resolved)
            scheduler.load_state_dict(state["scheduler"])
            version, internal, gauss_next = state["rng"]
            rng = random.Random()
            rng.setstate((int(version), tuple(int(word) for word in internal), gauss_next))
            counts = {name: _TaskCounts() for name in self.tasks}
            for name, values in state["counts"].items():
                if name in counts:
                    counts[name] = _TaskCounts(**{key: int(value) for key, value in values.items()})
            problems, steps = int(state["problems"]), int(state["steps"])
            step_groups = [int(value) for value in state["step_groups"]]
            last_step_groups = [int(value) for value in state["last_step_groups"]]
            calibrated = state["calibrated"]
            calibrated = None if calibrated is None else {str(k): int(v) for k, v in calibrated.items()}
        except CurriculumStateError:
            raise
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise CurriculumStateError(f"malformed curriculum state ({type(exc).__name__}: {exc})") from None
        self._scheduler, self._rng, self._counts = scheduler, rng, counts
        self._problems, self._steps = problems, steps
        self._step_groups, self._last_step_groups = step_groups, last_step_groups
        self._calibrated = calibrated

    def _check_same_curriculum(self, saved_config: Any, saved_tasks: list[str]) -> None:
        if saved_tasks != list(self.tasks):
            added = sorted(set(self.tasks) - set(saved_tasks))
            removed = sorted(set(saved_tasks) - set(self.tasks))
            detail = ", ".join(
                part
                for part in (
                    f"new here: {', '.join(added[:5])}{' …' if len(added) > 5 else ''}" if added else "",
                    f"gone: {', '.join(removed[:5])}{' …' if len(removed) > 5 else ''}" if removed else "",
                )
                if part
            )
            raise CurriculumStateError(
                f"the state was saved with a different task list ({detail or 'same tasks, other order'}); "
                "pass strict=False to carry over the tasks both have"
            )
        mine = self.config.model_dump(mode="json")
        differing = [
            key
            for key in sorted(set(mine) | set(saved_config))
            if key not in ("name", "description") and mine.get(key) != saved_config.get(key)
        ]
        if differing:
            raise CurriculumStateError(
                f"the state was saved with a different config (differs in: {', '.join(differing)}); "
                "pass strict=False to load it anyway"
            )

    def save(self, path: str | Path) -> None:
        """Write `state_dict()` to `path` atomically (temporary file, fsync, rename), with a checksum."""
        write_state(path, self.state_dict())

    def load(self, path: str | Path, *, strict: bool = True) -> None:
        """Restore the state saved by `save` (see `load_state_dict` for `strict`)."""
        self.load_state_dict(read_state(path), strict=strict)
