"""The curriculum schema: what a curriculum YAML file may say, validated strictly.

Every field has help text (`docs/curriculum.md` is generated from it). Unknown keys, unknown task / collection /
family names and out-of-range numbers are errors that name the offending path and, where one is close, the name
that was probably meant:

    tasks[1].wieght: unknown key 'wieght' (did you mean 'weight'?)
    tasks[0].name: unknown task 'Sortng' (did you mean 'Sorting'?)
    scheduler.accuracy_threshold: Input should be less than or equal to 1 (got 1.5)
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from rlve_gym.core.registry import task_families
from rlve_gym.core.suggest import did_you_mean
from rlve_gym.core.task import FAMILIES
from rlve_gym.envs.collections import COLLECTIONS, RLVE_GYM_400

SCHEDULER_KINDS = ("rlve", "zaya1", "static")
"""The scheduler kinds a curriculum may choose."""


class CurriculumConfigError(ValueError):
    """An invalid curriculum: every problem found, each as ``path: what is wrong``, joined into one line."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__(prefix + "; ".join(self.problems))


def _start_difficulty(description: str) -> Any:
    return Field(0, ge=0, description=description)


DifficultyRange = Annotated[
    tuple[Annotated[int, Field(ge=0, strict=True)], Annotated[int, Field(ge=0, strict=True)]],
    Field(strict=False),  # YAML gives lists; the items stay strict ints
]


def _check_range(value: tuple[int, int] | None) -> tuple[int, int] | None:
    if value is not None and value[0] > value[1]:
        raise ValueError(f"range must be [low, high] with low ≤ high, got [{value[0]}, {value[1]}]")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class TaskSelector(_Strict):
    """One entry of `tasks`: a single task (`name`), or a selector (`collection` or `family`) that expands to
    every registered task it matches. A bare string is shorthand for ``{name: ...}``."""

    name: str | None = Field(None, description="A registered task, e.g. `Sorting`.")
    collection: str | None = Field(
        None,
        description="Every registered task of a named collection: "
        + ", ".join(f"`{name}`" for name in COLLECTIONS)
        + ".",
    )
    family: str | None = Field(
        None, description="Every registered task of a family: " + ", ".join(f"`{name}`" for name in FAMILIES) + "."
    )
    exclude: list[str] = Field(default_factory=list, description="Selectors only: task names to leave out.")
    weight: float = Field(
        1.0, gt=0, allow_inf_nan=False, description="Relative sampling weight of each task this entry selects."
    )
    initial_difficulty: int | None = Field(
        None,
        ge=0,
        description="Adaptive schedulers: the starting difficulty of these tasks (default: the scheduler's).",
    )
    range: DifficultyRange | None = Field(
        None,
        description="Static scheduler: the [low, high] difficulty levels of these tasks (default: the scheduler's).",
    )

    @model_validator(mode="before")
    @classmethod
    def _bare_name(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value

    @field_validator("name")
    @classmethod
    def _known_task(cls, name: str | None) -> str | None:
        # One best suggestion and no task count, so the message (and the documented example) stays the same as
        # tasks are added.
        known = task_families()
        if name is not None and name not in known:
            raise ValueError(f"unknown task {name!r}{did_you_mean(name, known)}; `rlve-gym list` shows the tasks")
        return name

    @field_validator("collection")
    @classmethod
    def _known_collection(cls, collection: str | None) -> str | None:
        if collection is not None and collection not in COLLECTIONS:
            hint = did_you_mean(collection, COLLECTIONS)
            raise ValueError(f"unknown collection {collection!r}{hint}; known: {', '.join(COLLECTIONS)}")
        return collection

    @field_validator("family")
    @classmethod
    def _known_family(cls, family: str | None) -> str | None:
        known = sorted(set(FAMILIES) | set(task_families().values()))
        if family is not None and family not in known:
            raise ValueError(f"unknown family {family!r}{did_you_mean(family, known)}; known: {', '.join(known)}")
        return family

    @field_validator("exclude")
    @classmethod
    def _known_excludes(cls, names: list[str]) -> list[str]:
        known = set(task_families()) | set(RLVE_GYM_400)
        for name in names:
            if name not in known:
                raise ValueError(f"cannot exclude unknown task {name!r}{did_you_mean(name, known)}")
        return names

    @field_validator("range")
    @classmethod
    def _ordered_range(cls, value: tuple[int, int] | None) -> tuple[int, int] | None:
        return _check_range(value)

    @model_validator(mode="after")
    def _one_kind(self) -> TaskSelector:
        given = [key for key in ("name", "collection", "family") if getattr(self, key) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of name, collection, family (got {', '.join(given) or 'none'})")
        if self.name is not None and self.exclude:
            raise ValueError("exclude only applies to a collection or family selector")
        return self

    def describe(self) -> str:
        """Short form for messages: ``Sorting``, ``{collection: rlve-400}``."""
        if self.name is not None:
            return self.name
        key = "collection" if self.collection is not None else "family"
        return f"{{{key}: {getattr(self, key)}}}"


class CalibrationConfig(_Strict):
    """ZAYA1's start-difficulty calibration: per task, find the difficulty with a `target_pass_rate` under an IRT
    model p(d) = σ(−(d − μ)/s), by Thompson sampling over a pool of (μ, s) candidates drawn from one Gaussian
    prior shared by all tasks. Needs an evaluation callback (`Curriculum.calibrate(evaluate)`)."""

    rounds: int = Field(8, ge=1, description="Evaluation groups per task.")
    group_size: int = Field(16, ge=1, description="Rollouts per evaluation group (`n` passed to `evaluate`).")
    candidates: int = Field(256, ge=2, description="Size of the (μ, s) candidate pool.")
    prior_mean: float = Field(5.0, allow_inf_nan=False, description="Prior mean of μ, the 50%-pass difficulty.")
    prior_std: float = Field(5.0, gt=0, allow_inf_nan=False, description="Prior standard deviation of μ.")
    scale_median: float = Field(2.0, gt=0, allow_inf_nan=False, description="Prior median of the IRT scale s.")
    scale_log_std: float = Field(
        0.5, gt=0, allow_inf_nan=False, description="Prior standard deviation of log s (s is log-normal)."
    )
    target_pass_rate: float = Field(
        0.5, gt=0, lt=1, description="Pass rate the calibrated start difficulty aims at (ZAYA1: 0.5)."
    )
    explore_probability: float = Field(
        0.1, ge=0, le=1, description="ε: probability that a probe aims at a random pass rate around the target."
    )
    explore_spread: float = Field(
        0.25, ge=0, lt=0.5, description="Exploring probes aim at a pass rate uniform in target ± spread (ZAYA1: 0.25)."
    )
    max_difficulty: int = Field(100, ge=0, description="Largest difficulty a probe may use.")
    resample_below_ess: float = Field(
        0.5,
        gt=0,
        le=1,
        description="Resample the pool when its effective sample size falls below this fraction of `candidates`.",
    )
    recency: float = Field(
        0.8,
        gt=0,
        le=1,
        description="After resampling, the k-th most recent probe's likelihood is weighted recency**k.",
    )

    @model_validator(mode="after")
    def _explore_inside(self) -> CalibrationConfig:
        low, high = self.target_pass_rate - self.explore_spread, self.target_pass_rate + self.explore_spread
        if self.explore_probability > 0 and not (low > 0 and high < 1):
            raise ValueError(f"target_pass_rate ± explore_spread must stay inside (0, 1), got [{low:g}, {high:g}]")
        return self


class RLVESchedulerConfig(_Strict):
    """RLVE's adaptive rule (arXiv 2511.07317, Algorithm 1). Each task keeps a frontier h; problems are drawn
    uniformly from the last `window` levels [max(0, h − window + 1), h]. Only rollouts at d = h are counted; after a
    step, a task with at least `min_rollouts` counted moves h up by one if their accuracy is ≥
    `accuracy_threshold`, and its counters reset either way. h never decreases and has no cap."""

    kind: Literal["rlve"] = Field("rlve", description="Scheduler kind.")
    initial_difficulty: int = _start_difficulty("Starting frontier h of every task (RLVE: 0).")
    window: int = Field(4, ge=1, description="Number of levels problems are drawn from, ending at h (RLVE: 4).")
    min_rollouts: int = Field(
        128, ge=1, description="Counted rollouts needed before a check (RLVE: 8 prompts × 16 rollouts = 128)."
    )
    accuracy_threshold: float = Field(
        0.9, gt=0, le=1, description="Accuracy at d = h that moves h up by one (RLVE: 0.9)."
    )


class Zaya1SchedulerConfig(_Strict):
    """ZAYA1-8B's variant (arXiv 2605.05365 §IV-B): per group at the task's current difficulty d, d moves up by one
    if the group's pass rate is above `promote_above` and down by one (not below 0) if it is at most
    `demote_at_or_below`; groups at any other level are stale and ignored. Tasks sampled least so far are weighted
    highest. Optionally, each task's start is calibrated to a 0.5 pass rate (`calibration`)."""

    kind: Literal["zaya1"] = Field("zaya1", description="Scheduler kind.")
    initial_difficulty: int = _start_difficulty("Starting difficulty d of every task (overridden by calibration).")
    window: int = Field(1, ge=1, description="Number of levels problems are drawn from, ending at d (ZAYA1: 1).")
    promote_above: float = Field(0.7, ge=0, lt=1, description="A pass rate above this moves d up (ZAYA1: 0.7).")
    demote_at_or_below: float = Field(
        0.0, ge=0, lt=1, description="A pass rate at or below this moves d down (ZAYA1: 0, i.e. all rollouts fail)."
    )
    balance: bool = Field(
        True,
        strict=True,
        description="Weight tasks so the least-sampled (relative to their weight) get the most; false: weights only.",
    )
    calibration: CalibrationConfig | None = Field(
        None, description="Calibrate each task's start difficulty before training (needs an evaluation callback)."
    )

    @model_validator(mode="after")
    def _thresholds_ordered(self) -> Zaya1SchedulerConfig:
        if self.demote_at_or_below >= self.promote_above:
            raise ValueError(
                f"demote_at_or_below ({self.demote_at_or_below:g}) must be below promote_above ({self.promote_above:g})"
            )
        return self


class StaticSchedulerConfig(_Strict):
    """Fixed difficulty: every problem's level is drawn uniformly from a task's [low, high] (the baseline RLVE
    compares against: [0, 1], [0, 20], [0, 100]). Nothing adapts."""

    kind: Literal["static"] = Field("static", description="Scheduler kind.")
    range: DifficultyRange = Field(description="[low, high] difficulty levels of every task (inclusive).")

    @field_validator("range")
    @classmethod
    def _ordered_range(cls, value: tuple[int, int]) -> tuple[int, int]:
        return _check_range(value)


SchedulerConfig = Annotated[
    RLVESchedulerConfig | Zaya1SchedulerConfig | StaticSchedulerConfig, Field(discriminator="kind")
]


class CurriculumConfig(_Strict):
    """A curriculum: which tasks, how often, and how their difficulty moves."""

    name: str | None = Field(None, description="Display name (default: the file name).")
    description: str = Field("", description="Free text shown by `rlve-gym curriculum show`.")
    seed: int = Field(
        0,
        description="Seed of the curriculum's own RNG and of the problem seeds (two seeds give different streams).",
    )
    tasks: list[TaskSelector] = Field(
        min_length=1,
        description="Task names and selectors (see below). A task named explicitly takes its settings from that "
        "entry; otherwise from the first selector that matches it.",
    )
    scheduler: SchedulerConfig = Field(
        default_factory=RLVESchedulerConfig, description="How difficulty moves: `kind` is rlve, zaya1 or static."
    )

    @field_validator("tasks", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str | Mapping) else value

    @model_validator(mode="after")
    def _settings_fit_scheduler(self) -> CurriculumConfig:
        static = self.scheduler.kind == "static"
        for index, entry in enumerate(self.tasks):
            if static and entry.initial_difficulty is not None:
                raise ValueError(f"tasks[{index}]: initial_difficulty needs an adaptive scheduler; use range")
            if not static and entry.range is not None:
                raise ValueError(f"tasks[{index}]: range only applies to the static scheduler; use initial_difficulty")
        return self

    def resolve(self) -> tuple[ResolvedTask, ...]:
        """Expand the selectors against the registry: one `ResolvedTask` per task, in order of first mention.

        Raises CurriculumConfigError when a selector matches no registered task or a task is named twice.
        """
        explicit: dict[str, int] = {}
        problems: list[str] = []
        for index, entry in enumerate(self.tasks):
            if entry.name is not None:
                if entry.name in explicit:
                    problems.append(f"tasks[{index}]: {entry.name} is already listed at tasks[{explicit[entry.name]}]")
                explicit.setdefault(entry.name, index)
        chosen: dict[str, TaskSelector] = {}
        families = task_families()
        for index, entry in enumerate(self.tasks):
            if entry.name is not None:
                matches = [entry.name]
            elif entry.collection is not None:
                matches = sorted(name for name in COLLECTIONS[entry.collection] if name in families)
            else:
                matches = sorted(name for name, family in families.items() if family == entry.family)
            matches = [name for name in matches if name not in entry.exclude]
            if not matches:
                problems.append(f"tasks[{index}]: {entry.describe()} selects no registered task")
            for name in matches:
                if entry.name is None and name in explicit:
                    continue  # named explicitly elsewhere: that entry's settings win
                chosen.setdefault(name, entry)
        if problems:
            raise CurriculumConfigError(problems)
        resolved = []
        for name, entry in chosen.items():
            if isinstance(self.scheduler, StaticSchedulerConfig):
                start, difficulty_range = None, entry.range or self.scheduler.range
            else:
                start = (
                    self.scheduler.initial_difficulty if entry.initial_difficulty is None else entry.initial_difficulty
                )
                difficulty_range = None
            resolved.append(ResolvedTask(name, entry.weight, start, difficulty_range))
        return tuple(resolved)


@dataclass(frozen=True)
class ResolvedTask:
    """One task of a curriculum after selectors are expanded."""

    name: str
    """Registered task name."""
    weight: float
    """Relative sampling weight."""
    initial_difficulty: int | None
    """Adaptive schedulers: starting difficulty; None for static."""
    range: tuple[int, int] | None
    """Static scheduler: [low, high]; None for adaptive ones."""


# ------------------------------------------------------------------------------------------ error messages
def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional."""
    while True:
        if typing.get_origin(annotation) is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif _is_union(annotation):
            members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def _locate(loc: tuple[Any, ...]) -> tuple[str, type[BaseModel] | None]:
    """Render a pydantic error location as the user wrote it (``tasks[1].weight``; discriminated-union tags
    dropped) and return the model class found at that location, if any (whose keys a misspelling is compared to)."""
    path = ""
    current: Any = CurriculumConfig
    for element in loc:
        annotation = _unwrap(current)
        if _is_union(annotation):
            variants = {model.model_fields["kind"].default: model for model in typing.get_args(annotation)}
            if element in variants:
                current = variants[element]
                continue
        if isinstance(element, int):
            path += f"[{element}]"
            args = typing.get_args(annotation)
            current = args[0] if args else None
        else:
            path += f".{element}" if path else str(element)
            field = annotation.model_fields.get(str(element)) if _is_model(annotation) else None
            current = field.annotation if field is not None else None
    annotation = _unwrap(current)
    return path or "(top level)", annotation if _is_model(annotation) else None


def _describe_input(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def explain(error: ValidationError) -> list[str]:
    """One ``path: problem`` line per pydantic error, with the nearest valid name for misspelled keys."""
    lines = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        path, _ = _locate(loc)
        kind = item["type"]
        if kind == "extra_forbidden":
            _, owner = _locate(loc[:-1])
            key = str(loc[-1])
            valid = list(owner.model_fields) if owner is not None else []
            hint = did_you_mean(key, valid) or (f"; valid keys: {', '.join(valid)}" if valid else "")
            lines.append(f"{path}: unknown key {key!r}{hint}")
        elif kind == "union_tag_invalid":
            tag = str(item["ctx"]["tag"])
            choices = ", ".join(SCHEDULER_KINDS)
            lines.append(
                f"{path}.kind: unknown scheduler {tag!r}{did_you_mean(tag, SCHEDULER_KINDS)}; choose one of {choices}"
            )
        elif kind == "union_tag_not_found":
            lines.append(f"{path}.kind: missing; choose one of {', '.join(SCHEDULER_KINDS)}")
        elif kind == "missing":
            lines.append(f"{path}: required key missing")
        elif kind == "value_error":
            message = str(item["ctx"]["error"])
            lines.append(f"{path}: {message}" if loc else message)  # model-level checks name their own path
        else:
            lines.append(f"{path}: {item['msg']} (got {_describe_input(item.get('input'))})")
    return lines


def validate_config(data: Any, source: str | None = None) -> CurriculumConfig:
    """Validate a plain dict (e.g. loaded YAML) into a `CurriculumConfig` and resolve its tasks.

    Raises CurriculumConfigError listing every problem with its path.
    """
    if data is None:
        raise CurriculumConfigError(["the curriculum is empty"], source)
    if not isinstance(data, Mapping):
        raise CurriculumConfigError([f"a curriculum must be a mapping of keys, got {type(data).__name__}"], source)
    try:
        config = CurriculumConfig.model_validate(dict(data))
    except ValidationError as exc:
        raise CurriculumConfigError(explain(exc), source) from None
    try:
        config.resolve()
    except CurriculumConfigError as exc:
        raise CurriculumConfigError(exc.problems, source) from None
    return config
