"""ZAYA1's start-difficulty calibration: find, per task, the difficulty at which the model passes half the time.

Model (item response theory): p(d) = σ(−(d − μ)/s), so μ is the difficulty with a 50% pass rate and s how fast
the pass rate falls. Each task keeps a pool of (μ, s) candidates drawn from one Gaussian prior shared by all tasks
(μ ~ N(prior_mean, prior_std²), log s ~ N(log scale_median, scale_log_std²)) with weights w_j. A probe:

1. Thompson sampling: pick candidate j with probability w_j.
2. Target pass rate p* = target (ε-greedy: with probability ε, uniform in target ± spread); probe at
   d = μ_j + s_j·log((1 − p*)/p*), rounded and clipped to [0, max_difficulty].
3. Evaluate a group of n rollouts at d (the user's callback), k of them correct; w_j ∝ w_j·Binomial(k; n, p_j(d)).
4. When the effective sample size 1/Σw² drops below a fraction of the pool, resample the pool (with jitter) and
   re-weight it by the probe history, the k-th most recent probe's log-likelihood scaled by recency**k.

The calibrated start is the posterior mean of μ_j + s_j·log((1 − target)/target), rounded and clipped.
Everything draws from the `random.Random` it is given, so a calibration is reproducible from the evaluations.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rlve_gym.curriculum.config import CalibrationConfig
from rlve_gym.curriculum.schedulers import count_correct

Evaluate = Callable[[str, int, int], Sequence[int]]
"""``evaluate(task, difficulty, n)`` → the n binary accuracies of n rollouts on problems of `task` at `difficulty`."""

_P_FLOOR = 1e-9


@dataclass(frozen=True)
class Probe:
    """One evaluation group of the calibration."""

    difficulty: int
    """Difficulty probed."""
    correct: int
    """Rollouts that passed."""
    total: int
    """Rollouts evaluated."""


@dataclass(frozen=True)
class CalibrationResult:
    """The outcome for one task."""

    task: str
    """Task name."""
    difficulty: int
    """Calibrated start difficulty."""
    mu: float
    """Posterior mean of μ (the difficulty with a 50% pass rate)."""
    scale: float
    """Posterior mean of the IRT scale s."""
    probes: tuple[Probe, ...]
    """Every evaluation made, in order."""


def pass_probability(difficulty: float, mu: float, scale: float) -> float:
    """The IRT pass rate σ(−(d − μ)/s)."""
    z = (difficulty - mu) / scale
    if z > 0:  # σ(−z) written to avoid overflow for large |z|
        e = math.exp(-z)
        return e / (1.0 + e)
    return 1.0 / (1.0 + math.exp(z))


def _log_likelihood(probe: Probe, mu: float, scale: float) -> float:
    p = min(max(pass_probability(probe.difficulty, mu, scale), _P_FLOOR), 1.0 - _P_FLOOR)
    return probe.correct * math.log(p) + (probe.total - probe.correct) * math.log1p(-p)


class TaskCalibrator:
    """The Thompson-sampling calibration of one task: `propose` a difficulty, `update` with the result, repeat;
    `estimate` gives the start difficulty."""

    def __init__(self, config: CalibrationConfig, rng: random.Random) -> None:
        self.config = config
        self.rng = rng
        log_median = math.log(config.scale_median)
        self.mu = [rng.gauss(config.prior_mean, config.prior_std) for _ in range(config.candidates)]
        self.log_scale = [rng.gauss(log_median, config.scale_log_std) for _ in range(config.candidates)]
        self.log_weight = [0.0] * config.candidates
        self.probes: list[Probe] = []

    def _weights(self) -> list[float]:
        top = max(self.log_weight)
        raw = [math.exp(value - top) for value in self.log_weight]
        total = sum(raw)
        return [value / total for value in raw]

    def _difficulty_for(self, index: int, pass_rate: float) -> float:
        return self.mu[index] + math.exp(self.log_scale[index]) * math.log((1.0 - pass_rate) / pass_rate)

    def _clip(self, difficulty: float) -> int:
        return min(max(round(difficulty), 0), self.config.max_difficulty)

    def propose(self) -> int:
        """The next difficulty to evaluate."""
        config = self.config
        index = self.rng.choices(range(config.candidates), weights=self._weights())[0]
        target = config.target_pass_rate
        if self.rng.random() < config.explore_probability:
            target = self.rng.uniform(target - config.explore_spread, target + config.explore_spread)
        return self._clip(self._difficulty_for(index, target))

    def update(self, difficulty: int, correct: int, total: int) -> None:
        """Fold in one evaluated group."""
        probe = Probe(difficulty, correct, total)
        self.probes.append(probe)
        for j in range(self.config.candidates):
            self.log_weight[j] += _log_likelihood(probe, self.mu[j], math.exp(self.log_scale[j]))
        weights = self._weights()
        effective_size = 1.0 / sum(w * w for w in weights)
        if effective_size < self.config.resample_below_ess * self.config.candidates:
            self._resample(weights)

    def _resample(self, weights: list[float]) -> None:
        count = self.config.candidates
        chosen = self.rng.choices(range(count), weights=weights, k=count)
        # Jitter keeps the pool diverse; half the current spread (with a floor) is a common kernel width.
        mu_jitter = max(0.25, 0.5 * _weighted_std(self.mu, weights))
        scale_jitter = max(0.05, 0.5 * _weighted_std(self.log_scale, weights))
        self.mu = [self.mu[i] + self.rng.gauss(0.0, mu_jitter) for i in chosen]
        self.log_scale = [self.log_scale[i] + self.rng.gauss(0.0, scale_jitter) for i in chosen]
        newest = len(self.probes) - 1
        self.log_weight = [
            sum(
                self.config.recency ** (newest - t) * _log_likelihood(probe, mu, math.exp(log_scale))
                for t, probe in enumerate(self.probes)
            )
            for mu, log_scale in zip(self.mu, self.log_scale)
        ]

    def estimate(self) -> tuple[int, float, float]:
        """(start difficulty, posterior mean of μ, posterior mean of s)."""
        weights = self._weights()
        target = self.config.target_pass_rate
        start = sum(w * self._difficulty_for(j, target) for j, w in enumerate(weights))
        mu = sum(w * value for w, value in zip(weights, self.mu))
        scale = sum(w * math.exp(value) for w, value in zip(weights, self.log_scale))
        return self._clip(start), mu, scale


def _weighted_std(values: list[float], weights: list[float]) -> float:
    mean = sum(w * v for w, v in zip(weights, values))
    return math.sqrt(max(0.0, sum(w * (v - mean) ** 2 for w, v in zip(weights, values))))


def calibrate_tasks(
    tasks: Sequence[str],
    evaluate: Evaluate,
    config: CalibrationConfig,
    rng_for: Callable[[str], random.Random],
) -> dict[str, CalibrationResult]:
    """Calibrate every task, round by round (each round probes every task once, so a slow `evaluate` sees every
    task early). `rng_for(task)` gives each task its own generator."""
    calibrators = {task: TaskCalibrator(config, rng_for(task)) for task in tasks}
    for _ in range(config.rounds):
        for task, calibrator in calibrators.items():
            difficulty = calibrator.propose()
            accuracies = evaluate(task, difficulty, config.group_size)
            where = f"evaluate({task!r}, {difficulty}, {config.group_size})"
            correct, total = count_correct(accuracies, where)
            if total != config.group_size:
                raise ValueError(f"{where} returned {total} accuracies, expected {config.group_size}")
            calibrator.update(difficulty, correct, total)
    results = {}
    for task, calibrator in calibrators.items():
        start, mu, scale = calibrator.estimate()
        results[task] = CalibrationResult(task, start, mu, scale, tuple(calibrator.probes))
    return results
