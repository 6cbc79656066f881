"""The schedulers' difficulty rules, checked against tiny reference models written from the papers' text.

RLVE (arXiv 2511.07317 §2.2): per task a frontier h; count only rollouts at d == h; after a step, a task with
≥ min_rollouts counted moves h += 1 if their accuracy is ≥ the threshold; counters reset either way; never down.
ZAYA1 (arXiv 2605.05365 §IV-B): per group at the current d: +1 if pass rate > 0.7, −1 (not below 0) if 0.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rlve_gym.core.problem import ProblemSpec
from rlve_gym.curriculum import Curriculum

TASKS = ["Sorting", "Division", "CRT"]
binary_groups = st.lists(st.integers(0, 1), min_size=1, max_size=8)


class RLVEReference:
    """The RLVE rule for one task, as the paper states it."""

    def __init__(self, start: int, window: int, min_rollouts: int, threshold: float) -> None:
        self.high, self.window, self.min_rollouts, self.threshold = start, window, min_rollouts, threshold
        self.correct = self.counted = 0

    def observe(self, difficulty: int, accuracies: list[int]) -> None:
        if difficulty == self.high:
            self.counted += len(accuracies)
            self.correct += sum(accuracies)

    def step(self) -> None:
        if self.counted >= self.min_rollouts:
            if self.correct / self.counted >= self.threshold:
                self.high += 1
            self.correct = self.counted = 0

    def range(self) -> tuple[int, int]:
        return max(0, self.high - self.window + 1), self.high


class Zaya1Reference:
    """The ZAYA1 ±1 rule for one task, applied group by group."""

    def __init__(self, start: int, promote_above: float, demote_at_or_below: float) -> None:
        self.current, self.promote_above, self.demote_at_or_below = start, promote_above, demote_at_or_below
        self.pending: list[tuple[int, list[int]]] = []

    def observe(self, difficulty: int, accuracies: list[int]) -> None:
        self.pending.append((difficulty, accuracies))

    def step(self) -> None:
        for difficulty, accuracies in self.pending:
            if difficulty != self.current:
                continue  # stale: drawn at another level
            rate = sum(accuracies) / len(accuracies)
            if rate > self.promote_above:
                self.current += 1
            elif rate <= self.demote_at_or_below and self.current > 0:
                self.current -= 1
        self.pending = []


@settings(max_examples=60)
@given(
    window=st.integers(1, 5),
    min_rollouts=st.integers(1, 24),
    threshold=st.sampled_from([0.5, 0.75, 0.9, 1.0]),
    starts=st.lists(st.integers(0, 3), min_size=len(TASKS), max_size=len(TASKS)),
    data=st.data(),
)
def test_rlve_matches_reference(
    window: int, min_rollouts: int, threshold: float, starts: list[int], data: st.DataObject
) -> None:
    config = {
        "tasks": [{"name": name, "initial_difficulty": start} for name, start in zip(TASKS, starts)],
        "scheduler": {"kind": "rlve", "window": window, "min_rollouts": min_rollouts, "accuracy_threshold": threshold},
    }
    curriculum = Curriculum.from_config(config)
    reference = {name: RLVEReference(start, window, min_rollouts, threshold) for name, start in zip(TASKS, starts)}
    for _ in range(data.draw(st.integers(1, 12), label="steps")):
        for _ in range(data.draw(st.integers(0, 6), label="groups")):
            task = data.draw(st.sampled_from(TASKS), label="task")
            # Mostly at the frontier; sometimes below it (stale) or above it (must not count either).
            offset = data.draw(st.sampled_from([0, 0, 0, -1, -2, 1]), label="offset")
            difficulty = max(0, reference[task].high + offset)
            accuracies = data.draw(binary_groups, label="accuracies")
            curriculum.observe(ProblemSpec(task, difficulty, 0), accuracies)
            reference[task].observe(difficulty, accuracies)
        before = {name: curriculum.difficulty_range(name)[1] for name in TASKS}
        changes = curriculum.step()
        for model in reference.values():
            model.step()
        for name in TASKS:
            assert curriculum.difficulty_range(name) == reference[name].range()
            assert curriculum.metrics().tasks[name].counted_rollouts == reference[name].counted
        assert {(c.task, c.previous, c.current) for c in changes} == {
            (name, before[name], reference[name].high) for name in TASKS if reference[name].high != before[name]
        }


@settings(max_examples=60)
@given(
    promote_above=st.sampled_from([0.5, 0.7, 0.9]),
    demote_at_or_below=st.sampled_from([0.0, 0.2]),
    window=st.integers(1, 3),
    starts=st.lists(st.integers(0, 2), min_size=len(TASKS), max_size=len(TASKS)),
    data=st.data(),
)
def test_zaya1_matches_reference(
    promote_above: float, demote_at_or_below: float, window: int, starts: list[int], data: st.DataObject
) -> None:
    config = {
        "tasks": [{"name": name, "initial_difficulty": start} for name, start in zip(TASKS, starts)],
        "scheduler": {
            "kind": "zaya1",
            "window": window,
            "promote_above": promote_above,
            "demote_at_or_below": demote_at_or_below,
        },
    }
    curriculum = Curriculum.from_config(config)
    reference = {name: Zaya1Reference(start, promote_above, demote_at_or_below) for name, start in zip(TASKS, starts)}
    for _ in range(data.draw(st.integers(1, 12), label="steps")):
        for _ in range(data.draw(st.integers(0, 6), label="groups")):
            task = data.draw(st.sampled_from(TASKS), label="task")
            offset = data.draw(st.sampled_from([0, 0, 0, -1, 1]), label="offset")
            difficulty = max(0, reference[task].current + offset)
            accuracies = data.draw(binary_groups, label="accuracies")
            curriculum.observe(ProblemSpec(task, difficulty, 0), accuracies)
            reference[task].observe(difficulty, accuracies)
        curriculum.step()
        for model in reference.values():
            model.step()
        for name in TASKS:
            current = reference[name].current
            assert curriculum.difficulty_range(name) == (max(0, current - window + 1), current)


def test_rlve_defaults_are_the_papers() -> None:
    """window 4, 128 rollouts, 0.9: 116/128 correct (0.906) moves h, 115/128 (0.898) does not."""
    curriculum = Curriculum.from_config({"tasks": ["Sorting", "Division"]})
    for task, correct in (("Sorting", 116), ("Division", 115)):
        for group in range(8):
            accuracies = [1 if i + 16 * group < correct else 0 for i in range(16)]
            curriculum.observe(ProblemSpec(task, 0, group), accuracies)
    changes = curriculum.step()
    assert [(c.task, c.previous, c.current) for c in changes] == [("Sorting", 0, 1)]
    assert curriculum.difficulty_range("Sorting") == (0, 1)
    for _ in range(4):  # three more increases: the window slides to [1, 4]
        curriculum.observe(ProblemSpec("Sorting", curriculum.difficulty_range("Sorting")[1], 0), [1] * 128)
        curriculum.step()
    assert curriculum.difficulty_range("Sorting") == (2, 5)
    assert curriculum.difficulty_range("Division") == (0, 0)


def test_rlve_counts_accumulate_across_steps_until_enough() -> None:
    curriculum = Curriculum.from_config({"tasks": ["Sorting"], "scheduler": {"kind": "rlve", "min_rollouts": 32}})
    curriculum.observe(ProblemSpec("Sorting", 0, 0), [1] * 16)
    assert curriculum.step() == []  # 16 < 32: no check yet, counters kept
    assert curriculum.metrics().tasks["Sorting"].counted_rollouts == 16
    curriculum.observe(ProblemSpec("Sorting", 0, 1), [1] * 16)
    assert [c.current for c in curriculum.step()] == [1]
    assert curriculum.metrics().tasks["Sorting"].counted_rollouts == 0


def test_sampling_follows_ranges_and_weights() -> None:
    curriculum = Curriculum.from_config(
        {
            "seed": 3,
            "tasks": [{"name": "Sorting", "weight": 3, "initial_difficulty": 6}, {"name": "Division", "weight": 1}],
            "scheduler": {"kind": "rlve", "window": 4},
        }
    )
    specs = curriculum.sample(4000)
    tasks = Counter(spec.task for spec in specs)
    assert 0.72 < tasks["Sorting"] / len(specs) < 0.78
    levels = Counter(spec.difficulty for spec in specs if spec.task == "Sorting")
    assert set(levels) == {3, 4, 5, 6}
    assert max(levels.values()) / min(levels.values()) < 1.25  # uniform over the window
    assert {spec.difficulty for spec in specs if spec.task == "Division"} == {0}
    assert len({spec.seed for spec in specs}) == len(specs)


def test_zaya1_samples_least_sampled_first() -> None:
    curriculum = Curriculum.from_config(
        {"tasks": [{"name": "Sorting", "weight": 2}, "Division", "CRT"], "scheduler": {"kind": "zaya1"}}
    )
    counts = Counter(spec.task for spec in curriculum.sample(400))
    # Balancing keeps counts proportional to the weights (2:1:1) much more tightly than i.i.d. draws would.
    assert abs(counts["Sorting"] - 200) <= 8 and abs(counts["Division"] - 100) <= 8, counts
    unbalanced = Curriculum.from_config(
        {"tasks": ["Sorting", "Division"], "scheduler": {"kind": "zaya1", "balance": False}}
    )
    assert len(unbalanced.sample(10)) == 10


def test_zaya1_regresses_on_all_fail_and_ignores_stale_groups() -> None:
    curriculum = Curriculum.from_config(
        {"tasks": [{"name": "Sorting", "initial_difficulty": 3}], "scheduler": {"kind": "zaya1"}}
    )
    curriculum.observe(ProblemSpec("Sorting", 3, 0), [0] * 8)  # all fail at d: down
    curriculum.observe(ProblemSpec("Sorting", 3, 1), [0] * 8)  # now stale (d is 2): ignored
    assert [(c.previous, c.current) for c in curriculum.step()] == [(3, 2)]
    curriculum.observe(ProblemSpec("Sorting", 2, 2), [1, 1, 1, 0])  # 0.75 > 0.7: up
    curriculum.step()
    assert curriculum.difficulty_range("Sorting") == (3, 3)
    curriculum.observe(ProblemSpec("Sorting", 3, 3), [1] * 7 + [0] * 3)  # exactly 0.7: no move
    assert curriculum.step() == []


def test_static_never_moves() -> None:
    curriculum = Curriculum.from_config(
        {"tasks": ["Sorting", {"name": "CRT", "range": [2, 5]}], "scheduler": {"kind": "static", "range": [0, 20]}}
    )
    curriculum.observe(ProblemSpec("Sorting", 20, 0), [1] * 500)
    assert curriculum.step() == []
    assert curriculum.difficulty_range("Sorting") == (0, 20) and curriculum.difficulty_range("CRT") == (2, 5)
    assert curriculum.metrics().tasks["Sorting"].frontier_accuracy == 1.0


def test_streams_depend_on_seed_only() -> None:
    def stream(seed: int) -> list[ProblemSpec]:
        return Curriculum.from_config(
            {"seed": seed, "tasks": TASKS, "scheduler": {"kind": "rlve", "window": 3, "initial_difficulty": 5}}
        ).sample(50)

    assert stream(1) == stream(1)
    assert stream(1) != stream(2)
    assert not {spec.seed for spec in stream(1)} & {spec.seed for spec in stream(2)}


@pytest.mark.parametrize(
    ("accuracies", "message"),
    [
        ([0.5, 1], "must be binary"),
        ([], "is empty"),
        ([2], "must be binary"),
        ("101", "must be binary"),
    ],
)
def test_observe_rejects_non_binary_groups(accuracies: object, message: str) -> None:
    curriculum = Curriculum.from_config({"tasks": ["Sorting"]})
    with pytest.raises(ValueError, match=message):
        curriculum.observe(ProblemSpec("Sorting", 0, 0), accuracies)


def test_observe_rejects_foreign_specs() -> None:
    curriculum = Curriculum.from_config({"tasks": ["Sorting"]})
    with pytest.raises(ValueError, match="not part of curriculum"):
        curriculum.observe(ProblemSpec("Division", 0, 0), [1])
    with pytest.raises(ValueError, match="non-negative integer"):
        curriculum.observe(ProblemSpec("Sorting", -1, 0), [1])
    with pytest.raises(ValueError, match="non-negative integer"):
        curriculum.sample(-1)


def test_accepts_numpy_and_bool_accuracies() -> None:
    np = pytest.importorskip("numpy")
    curriculum = Curriculum.from_config({"tasks": ["Sorting"]})
    curriculum.observe(ProblemSpec("Sorting", 0, 0), np.array([1, 0, 1]))
    curriculum.observe(ProblemSpec("Sorting", 0, 1), [True, False])
    metrics = curriculum.metrics()
    assert metrics.tasks["Sorting"].observed_rollouts == 5 and metrics.effective_prompt_ratio == 1.0


def test_metrics_effective_prompt_ratio() -> None:
    curriculum = Curriculum.from_config({"tasks": ["Sorting", "CRT"]})
    curriculum.observe(ProblemSpec("Sorting", 0, 0), [1, 1, 1, 1])  # zero variance
    curriculum.observe(ProblemSpec("Sorting", 0, 1), [1, 0, 1, 1])
    curriculum.observe(ProblemSpec("CRT", 0, 2), [0, 0, 0, 0])  # zero variance
    curriculum.observe(ProblemSpec("CRT", 0, 3), [1])  # a single rollout never has variance
    assert curriculum.metrics().last_step_effective_prompt_ratio is None
    curriculum.step()
    metrics = curriculum.metrics()
    assert metrics.effective_prompt_ratio == 0.25 and metrics.last_step_effective_prompt_ratio == 0.25
    assert metrics.tasks["Sorting"].accuracy == 7 / 8 and metrics.tasks["CRT"].frontier_accuracy == 1 / 5
    flat = metrics.flat()
    assert flat["curriculum/effective_prompt_ratio"] == 0.25 and flat["curriculum/Sorting/high"] == 0.0
    curriculum.step()
    assert curriculum.metrics().last_step_effective_prompt_ratio is None  # nothing observed in that step
