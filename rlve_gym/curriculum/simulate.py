"""Simulated learners: drive a curriculum with a synthetic model whose pass rate is known, to compare schedulers
without a GPU.

The learner has a skill θ_task per task and passes a problem of difficulty d with probability

    p(task, d, t) = σ((θ_task(t) − d) / slope)

Practice at the frontier improves it: after each step, every group with non-zero variance (the only groups a
GRPO-style update learns from) at difficulty d raises θ_task by

    learning_rate · (tasks / batch_size) · exp(−(d − θ_task)² / (2 · frontier_width²))

so a problem teaches most when it sits near the current skill, and nothing when every rollout passes or fails.
The (tasks / batch_size) factor makes learning_rate the gain per step of a task whose whole share of the batch is
effective and at its skill. Skill never decreases and stops at `max_skill`.

`compare` runs the curriculum's tasks under `rlve`, `zaya1` and `static` [0, 1], [0, 20], [0, 100] on the same
learner (same initial skills), and reports the effective-prompt ratio (share of groups with non-zero variance),
the difficulty trajectories and the in-distribution accuracy (mean pass rate over d in [0, 20), RLVE's ID set).
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rlve_gym.curriculum.config import (
    CurriculumConfig,
    RLVESchedulerConfig,
    StaticSchedulerConfig,
    Zaya1SchedulerConfig,
    validate_config,
)
from rlve_gym.curriculum.curriculum import Curriculum

STATIC_RANGES: tuple[tuple[int, int], ...] = ((0, 1), (0, 20), (0, 100))
"""The static baselines of RLVE's Fig. 3."""
ID_LEVELS = 20
"""In-distribution accuracy averages the pass rate over d = 0 … ID_LEVELS − 1 (RLVE's ID test: d in [0, 20))."""


@dataclass(frozen=True)
class LearnerConfig:
    """A synthetic learner (see the module docstring for the model)."""

    initial_skill: float = 1.0
    """Mean skill θ at the start (the difficulty with a 50% pass rate)."""
    initial_skill_spread: float = 1.0
    """Per-task start skills are uniform in initial_skill ± spread."""
    slope: float = 1.0
    """How many levels the pass rate takes to fall from 73% to 50% (the logistic scale)."""
    learning_rate: float = 0.05
    """Skill gained per step by a task whose share of the batch is all effective and at its skill."""
    frontier_width: float = 2.0
    """Width (in levels) of the band where practice teaches."""
    frontier_offset: float = 0.0
    """Centre of that band, in levels below the skill (0: problems passed half the time teach most; 2 with slope 1:
    problems passed ~88% of the time)."""
    max_skill: float = math.inf
    """Skill stops growing here (a learner that plateaus)."""


LEARNERS: dict[str, LearnerConfig] = {
    "frontier": LearnerConfig(),
    "easy-first": LearnerConfig(frontier_offset=2.0),
    "slow": LearnerConfig(learning_rate=0.015),
    "capped": LearnerConfig(max_skill=6.0),
}
"""Named learners: the default one (learns most from problems it passes half the time), one that learns most from
problems it passes ~88% of the time, a slow one, and one whose skill plateaus at 6."""


class SyntheticLearner:
    """A learner with known pass rates; draws rollouts from its own numpy Generator."""

    def __init__(self, tasks: Sequence[str], config: LearnerConfig, seed: int) -> None:
        self.config = config
        self.tasks = tuple(tasks)
        self._rng = np.random.default_rng([seed, 0x5EED])
        spread = config.initial_skill_spread
        starts = self._rng.uniform(config.initial_skill - spread, config.initial_skill + spread, len(self.tasks))
        self.skill = {task: float(start) for task, start in zip(self.tasks, starts)}

    def pass_rate(self, task: str, difficulty: float) -> float:
        """p(task, d) at the current skill."""
        z = (self.skill[task] - difficulty) / self.config.slope
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def rollouts(self, task: str, difficulty: int, n: int) -> list[int]:
        """n binary accuracies on problems of `task` at `difficulty` (usable as a calibration callback)."""
        correct = int(self._rng.binomial(n, self.pass_rate(task, difficulty)))
        return [1] * correct + [0] * (n - correct)

    def correct_counts(self, tasks: Sequence[str], difficulties: Sequence[int], group_size: int) -> list[int]:
        """Correct rollouts per group for a batch of problems (vectorised draw)."""
        rates = [self.pass_rate(task, difficulty) for task, difficulty in zip(tasks, difficulties)]
        return [int(count) for count in self._rng.binomial(group_size, rates)]

    def learn(self, groups: Sequence[tuple[str, int, int, int]], batch_size: int) -> None:
        """Update skills from one step's groups (task, difficulty, correct, total)."""
        config = self.config
        scale = config.learning_rate * len(self.tasks) / batch_size
        gains = dict.fromkeys(self.tasks, 0.0)
        for task, difficulty, correct, total in groups:
            if 0 < correct < total:
                distance = difficulty - (self.skill[task] - config.frontier_offset)
                gains[task] += scale * math.exp(-(distance**2) / (2 * config.frontier_width**2))
        for task, gain in gains.items():
            self.skill[task] = min(self.skill[task] + gain, config.max_skill)

    def id_accuracy(self) -> float:
        """Mean pass rate over tasks and d = 0 … ID_LEVELS − 1."""
        rates = [self.pass_rate(task, d) for task in self.tasks for d in range(ID_LEVELS)]
        return sum(rates) / len(rates)


@dataclass
class SimulationTrace:
    """Per-step series of one simulated run."""

    label: str
    """Which scheduler (e.g. ``rlve``, ``static [0, 20]``)."""
    effective_prompt_ratio: list[float] = field(default_factory=list)
    """Share of the step's groups with non-zero variance."""
    mean_high: list[float] = field(default_factory=list)
    """Mean over tasks of the frontier (upper end of the range) after the step."""
    mean_difficulty: list[float] = field(default_factory=list)
    """Mean difficulty of the step's problems."""
    train_accuracy: list[float] = field(default_factory=list)
    """Share of the step's rollouts that passed."""
    id_accuracy: list[float] = field(default_factory=list)
    """Mean pass rate over d in [0, 20) after the step (exact, from the learner)."""
    mean_skill: list[float] = field(default_factory=list)
    """Mean learner skill after the step."""

    def summary(self) -> dict[str, float]:
        """Headline numbers: mean effective-prompt ratio over the run and over its last quarter, final values."""
        quarter = self.effective_prompt_ratio[-max(1, len(self.effective_prompt_ratio) // 4) :]
        return {
            "effective_prompt_ratio": _mean(self.effective_prompt_ratio),
            "effective_prompt_ratio_last_quarter": _mean(quarter),
            "final_id_accuracy": self.id_accuracy[-1] if self.id_accuracy else math.nan,
            "final_mean_high": self.mean_high[-1] if self.mean_high else math.nan,
            "final_mean_skill": self.mean_skill[-1] if self.mean_skill else math.nan,
        }


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else math.nan


def simulate(
    config: CurriculumConfig,
    *,
    steps: int,
    batch_size: int,
    group_size: int,
    learner: LearnerConfig,
    seed: int,
    label: str | None = None,
) -> SimulationTrace:
    """Run one curriculum against a fresh learner for `steps` steps of `batch_size` groups × `group_size`
    rollouts. A curriculum that asks for calibration is calibrated with the learner itself."""
    if steps < 1 or batch_size < 1 or group_size < 1:
        raise ValueError("steps, batch_size and group_size must be positive")
    curriculum = Curriculum(config)
    model = SyntheticLearner(curriculum.tasks, learner, seed)
    if curriculum.calibration_pending:
        curriculum.calibrate(model.rollouts)
    trace = SimulationTrace(label or config.scheduler.kind)
    for _ in range(steps):
        specs = curriculum.sample(batch_size)
        tasks = [spec.task for spec in specs]
        difficulties = [spec.difficulty for spec in specs]
        counts = model.correct_counts(tasks, difficulties, group_size)
        for spec, correct in zip(specs, counts):
            curriculum.observe(spec, [1] * correct + [0] * (group_size - correct))
        curriculum.step()
        model.learn(
            [(task, d, correct, group_size) for task, d, correct in zip(tasks, difficulties, counts)], batch_size
        )
        metrics = curriculum.metrics()
        trace.effective_prompt_ratio.append(metrics.last_step_effective_prompt_ratio or 0.0)
        trace.mean_high.append(_mean([task.high for task in metrics.tasks.values()]))
        trace.mean_difficulty.append(_mean(difficulties))
        trace.train_accuracy.append(sum(counts) / (batch_size * group_size))
        trace.id_accuracy.append(model.id_accuracy())
        trace.mean_skill.append(_mean(list(model.skill.values())))
    return trace


def comparison_configs(config: CurriculumConfig) -> dict[str, CurriculumConfig]:
    """The variants `compare` runs: the config's tasks and weights under rlve, zaya1 and the static ranges. A
    variant of the config's own kind keeps its settings; the others use their defaults."""
    tasks = [{"name": task.name, "weight": task.weight} for task in config.resolve()]
    own = config.scheduler
    schedulers: dict[str, Any] = {
        "rlve": own if isinstance(own, RLVESchedulerConfig) else RLVESchedulerConfig(),
        "zaya1": own if isinstance(own, Zaya1SchedulerConfig) else Zaya1SchedulerConfig(),
    }
    for low, high in STATIC_RANGES:
        schedulers[f"static [{low}, {high}]"] = StaticSchedulerConfig(range=(low, high))
    return {
        label: validate_config(
            {"name": config.name, "seed": config.seed, "tasks": tasks, "scheduler": scheduler.model_dump()}
        )
        for label, scheduler in schedulers.items()
    }


def compare(
    config: CurriculumConfig,
    *,
    steps: int = 200,
    batch_size: int = 64,
    group_size: int = 16,
    learner: LearnerConfig | None = None,
    seed: int = 0,
) -> list[SimulationTrace]:
    """Simulate every variant of `comparison_configs` on the same learner."""
    learner = learner or LEARNERS["frontier"]
    return [
        simulate(
            variant,
            steps=steps,
            batch_size=batch_size,
            group_size=group_size,
            learner=learner,
            seed=seed,
            label=label,
        )
        for label, variant in comparison_configs(config).items()
    ]


def markdown_table(traces: Sequence[SimulationTrace]) -> str:
    """The comparison as a markdown table."""
    lines = [
        "| scheduler | effective-prompt ratio (mean) | (last quarter) | ID accuracy (final) "
        "| mean frontier (final) | mean skill (final) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for trace in traces:
        row = trace.summary()
        lines.append(
            f"| {trace.label} | {row['effective_prompt_ratio']:.3f} | {row['effective_prompt_ratio_last_quarter']:.3f} "
            f"| {row['final_id_accuracy']:.3f} | {row['final_mean_high']:.1f} | {row['final_mean_skill']:.2f} |"
        )
    return "\n".join(lines) + "\n"


def _smooth(values: Sequence[float], window: int) -> list[float]:
    if window <= 1 or len(values) < window:
        return list(values)
    kernel = np.ones(window) / window
    padded = np.concatenate([np.full(window - 1, values[0]), np.asarray(values, dtype=float)])
    return np.convolve(padded, kernel, mode="valid").tolist()


def plot(traces: Sequence[SimulationTrace], path: str | Path, title: str = "") -> Path:
    """Write a PNG with three panels: effective-prompt ratio, mean frontier difficulty, ID accuracy.

    Raises ModuleNotFoundError when matplotlib is not installed (``pip install 'rlve-gym-suite[plot]'``).
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure, axes = pyplot.subplots(1, 4, figsize=(19, 4.2))
    window = max(1, len(traces[0].effective_prompt_ratio) // 40) if traces else 1
    adaptive = [trace for trace in traces if not trace.label.startswith("static")] or list(traces)
    # Static frontiers (20, 100) would flatten the adaptive trajectories: cap the axis just above those.
    top = 1.25 * max(max(trace.mean_high + trace.mean_skill) for trace in adaptive) + 1.0
    panels = (
        ("effective_prompt_ratio", f"effective-prompt ratio (moving mean, {window} steps)", (0, 1.02), window),
        ("mean_high", "mean frontier difficulty (static ones may be off the top)", (0, top), 1),
        ("mean_skill", "learner's mean skill (50%-pass difficulty)", (0, top), 1),
        ("id_accuracy", f"ID accuracy (mean pass rate, d in [0, {ID_LEVELS}))", (0, 1.02), 1),
    )
    for axis, (key, label, limits, smoothing) in zip(axes, panels):
        for trace in traces:
            series = getattr(trace, key)
            axis.plot(range(1, len(series) + 1), _smooth(series, smoothing), label=trace.label)
        axis.set_title(label, fontsize=10)
        axis.set_xlabel("step")
        axis.set_ylim(*limits)
        axis.grid(alpha=0.3)
    axes[0].legend(fontsize=8)
    if title:
        figure.suptitle(title, fontsize=11)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    pyplot.close(figure)
    return path


def write_report(
    traces: Sequence[SimulationTrace], out_dir: str | Path, *, stem: str = "simulation", meta: dict[str, Any] | None
) -> dict[str, Path]:
    """Write ``<stem>.json`` (all series + summaries + `meta`), ``<stem>.md`` (the table) and ``<stem>.png``.

    The PNG is skipped (and left out of the returned paths) when matplotlib is missing.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = {
        "meta": meta or {},
        "runs": [{**asdict(trace), "summary": trace.summary()} for trace in traces],
    }
    paths = {"json": out_dir / f"{stem}.json", "markdown": out_dir / f"{stem}.md"}
    paths["json"].write_text(json.dumps(report, indent=1) + "\n")
    paths["markdown"].write_text(markdown_table(traces))
    with contextlib.suppress(ModuleNotFoundError):
        paths["png"] = plot(traces, out_dir / f"{stem}.png", title=str((meta or {}).get("title", "")))
    return paths
