"""The synthetic learner and the scheduler comparison (small runs; benchmarks/curriculum_simulation.py runs the
full one)."""

from __future__ import annotations

import math

import pytest

from rlve_gym.curriculum import validate_config
from rlve_gym.curriculum.simulate import LearnerConfig, SyntheticLearner, compare, markdown_table, simulate


def test_pass_rate_is_logistic_in_skill_minus_difficulty() -> None:
    learner = SyntheticLearner(["Sorting"], LearnerConfig(initial_skill=4.0, initial_skill_spread=0.0, slope=2.0), 0)
    assert learner.pass_rate("Sorting", 4) == 0.5
    assert math.isclose(learner.pass_rate("Sorting", 6), 1 / (1 + math.e))
    rates = [learner.pass_rate("Sorting", d) for d in range(12)]
    assert rates == sorted(rates, reverse=True)
    group = learner.rollouts("Sorting", 4, 7)
    assert len(group) == 7 and set(group) <= {0, 1}


def test_only_effective_groups_near_the_skill_teach() -> None:
    config = LearnerConfig(initial_skill=3.0, initial_skill_spread=0.0, learning_rate=1.0, max_skill=3.5)
    learner = SyntheticLearner(["Sorting", "CRT"], config, 0)
    learner.learn([("Sorting", 3, 16, 16), ("Sorting", 3, 0, 16), ("CRT", 9, 5, 16)], batch_size=2)
    assert learner.skill["Sorting"] == 3.0  # all-pass and all-fail groups carry no signal
    assert 3.0 < learner.skill["CRT"] < 3.02  # six levels from the skill: almost nothing
    learner.learn([("Sorting", 3, 8, 16)], batch_size=2)
    assert learner.skill["Sorting"] == 3.5  # at the skill: the full gain, up to max_skill


def test_simulation_is_deterministic() -> None:
    config = validate_config({"tasks": ["Sorting", "CRT"], "scheduler": {"kind": "zaya1"}})
    runs = [simulate(config, steps=10, batch_size=8, group_size=4, learner=LearnerConfig(), seed=1) for _ in range(2)]
    assert runs[0] == runs[1]
    other = simulate(config, steps=10, batch_size=8, group_size=4, learner=LearnerConfig(), seed=2)
    assert other != runs[0]


def test_adaptive_schedulers_keep_more_effective_prompts_than_static_ranges() -> None:
    """RLVE's Fig. 3 in miniature: [0, 1] goes stale as the learner masters it, [0, 100] is mostly too hard."""
    config = validate_config({"tasks": ["Sorting"], "scheduler": {"kind": "rlve", "min_rollouts": 64}})
    traces = {trace.label: trace for trace in compare(config, steps=120, batch_size=32, group_size=8, seed=0)}
    ratio = {label: trace.summary()["effective_prompt_ratio_last_quarter"] for label, trace in traces.items()}
    assert min(ratio["rlve"], ratio["zaya1"]) > max(
        ratio["static [0, 1]"], ratio["static [0, 20]"], ratio["static [0, 100]"]
    )
    early = traces["static [0, 1]"].effective_prompt_ratio[:30]
    late = traces["static [0, 1]"].effective_prompt_ratio[-30:]
    assert sum(late) < sum(early)
    assert traces["zaya1"].mean_high[-1] > traces["zaya1"].mean_high[0]
    table = markdown_table(list(traces.values()))
    assert table.count("\n") == 2 + len(traces)


def test_simulate_rejects_empty_runs() -> None:
    config = validate_config({"tasks": ["Sorting"]})
    with pytest.raises(ValueError, match="must be positive"):
        simulate(config, steps=0, batch_size=8, group_size=4, learner=LearnerConfig(), seed=0)
