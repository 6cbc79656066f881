"""Checkpoint and resume: the problem stream after save → load is exactly the uninterrupted one, nothing observed is
lost, and broken state files are clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rlve_gym.curriculum import Curriculum, CurriculumStateError
from rlve_gym.curriculum import state as state_module

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = {
    "rlve": {"seed": 5, "tasks": ["Sorting", "Division", "CRT"], "scheduler": {"kind": "rlve", "min_rollouts": 8}},
    "zaya1": {
        "seed": 5,
        "tasks": [{"name": "Sorting", "weight": 2}, "Division", "CRT"],
        "scheduler": {"kind": "zaya1", "window": 2},
    },
    "static": {"seed": 5, "tasks": ["Sorting", "Division"], "scheduler": {"kind": "static", "range": [0, 9]}},
}

operation = st.one_of(
    st.tuples(st.just("sample"), st.integers(0, 6)),
    st.tuples(st.just("observe"), st.integers(0, 50), st.lists(st.integers(0, 1), min_size=1, max_size=6)),
    st.tuples(st.just("step")),
)


def run(curriculum: Curriculum, operations: list[tuple], outstanding: list) -> list:
    """Apply operations; `outstanding` holds sampled-but-unobserved specs (as a trainer would). Returns outputs."""
    outputs: list[Any] = []
    for op in operations:
        if op[0] == "sample":
            specs = curriculum.sample(op[1])
            outstanding.extend(specs)
            outputs.append(specs)
        elif op[0] == "observe" and outstanding:
            curriculum.observe(outstanding.pop(op[1] % len(outstanding)), op[2])
        elif op[0] == "step":
            outputs.append(curriculum.step())
    return outputs


@settings(max_examples=40)
@given(kind=st.sampled_from(sorted(CONFIGS)), operations=st.lists(operation, max_size=40), data=st.data())
def test_resume_continues_exactly(kind: str, operations: list[tuple], data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(operations)), label="cut")
    reference = Curriculum.from_config(CONFIGS[kind])
    expected = run(reference, operations, outstanding=[])

    first = Curriculum.from_config(CONFIGS[kind])
    outstanding: list = []
    before = run(first, operations[:cut], outstanding)
    saved = json.loads(json.dumps(first.state_dict()))  # what a checkpoint holds
    resumed = Curriculum.from_config(CONFIGS[kind])
    resumed.load_state_dict(saved)
    after = run(resumed, operations[cut:], outstanding)

    assert before + after == expected
    assert resumed.state_dict() == reference.state_dict()
    assert resumed.metrics() == reference.metrics()


def test_save_load_round_trip_keeps_pending_observations(tmp_path: Path) -> None:
    curriculum = Curriculum.from_config(CONFIGS["rlve"])
    specs = curriculum.sample(6)
    for spec in specs:
        curriculum.observe(spec, [1, 1])  # 12 rollouts at d = 0: not yet stepped
    path = tmp_path / "nested" / "curriculum.json"
    curriculum.save(path)
    resumed = Curriculum.from_config(CONFIGS["rlve"])
    resumed.load(path)
    assert resumed.state_dict() == curriculum.state_dict()
    assert resumed.step() == curriculum.step()  # the pending counts survive and trigger the same increases
    assert resumed.sample(20) == curriculum.sample(20)
    assert [p.name for p in tmp_path.joinpath("nested").iterdir()] == ["curriculum.json"]  # no temporary left


def drive_smoke(curriculum: Curriculum) -> None:
    """A fixed training-like history: 5 steps of 16 groups, then one group observed but not yet stepped."""
    for _ in range(5):
        for index, spec in enumerate(curriculum.sample(16)):
            curriculum.observe(spec, [1] * 4 if index % 5 else [1, 0, 0, 1])
        curriculum.step()
    curriculum.observe(curriculum.sample(1)[0], [1, 1, 1, 1])


def test_resume_in_a_new_process(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    script = (
        "from rlve_gym.curriculum import Curriculum\n"
        "from tests.curriculum.test_state import drive_smoke\n"
        "curriculum = Curriculum.from_yaml('smoke')\n"
        "drive_smoke(curriculum)\n"
        f"curriculum.save({str(path)!r})\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", script], check=True, env=environment, timeout=120, cwd=ROOT)

    uninterrupted = Curriculum.from_yaml("smoke")
    drive_smoke(uninterrupted)
    resumed = Curriculum.from_yaml("smoke")
    resumed.load(path)
    assert resumed.state_dict() == uninterrupted.state_dict()
    for _ in range(3):
        assert resumed.sample(16) == uninterrupted.sample(16)
        assert resumed.step() == uninterrupted.step()


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    curriculum = Curriculum.from_config(CONFIGS["zaya1"])
    for spec in curriculum.sample(10):
        curriculum.observe(spec, [1, 0])
    path = tmp_path / "curriculum.json"
    curriculum.save(path)
    return path


def test_truncated_file_is_a_clear_error(saved: Path) -> None:
    data = saved.read_bytes()
    saved.write_bytes(data[: len(data) // 2])
    with pytest.raises(CurriculumStateError, match="truncated or corrupted"):
        Curriculum.from_config(CONFIGS["zaya1"]).load(saved)


def test_corrupted_value_fails_the_checksum(saved: Path) -> None:
    document = json.loads(saved.read_text())
    document["state"]["problems"] += 1
    saved.write_text(json.dumps(document))
    with pytest.raises(CurriculumStateError, match="failed its checksum"):
        Curriculum.from_config(CONFIGS["zaya1"]).load(saved)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda document: document.update(format="something-else"), "not a curriculum state file"),
        (lambda document: document.update(version=99), "state version 99"),
        (lambda document: document.pop("sha256"), "missing its state or checksum"),
    ],
)
def test_foreign_or_future_files_are_rejected(saved: Path, edit: Any, message: str) -> None:
    document = json.loads(saved.read_text())
    edit(document)
    saved.write_text(json.dumps(document))
    with pytest.raises(CurriculumStateError, match=message):
        Curriculum.from_config(CONFIGS["zaya1"]).load(saved)


def test_state_of_another_curriculum_is_rejected_unless_not_strict(saved: Path) -> None:
    other_seed = Curriculum.from_config({**CONFIGS["zaya1"], "seed": 6})
    with pytest.raises(CurriculumStateError, match=r"different config \(differs in: seed\)"):
        other_seed.load(saved)
    other_tasks = Curriculum.from_config({**CONFIGS["zaya1"], "tasks": ["Sorting", "Division", "Josephus"]})
    with pytest.raises(CurriculumStateError, match="new here: Josephus, gone: CRT"):
        other_tasks.load(saved)
    other_tasks.load(saved, strict=False)  # carries Sorting and Division over; Josephus starts fresh
    assert other_tasks.metrics().tasks["Josephus"].sampled_problems == 0
    assert other_tasks.metrics().sampled_problems == 10
    with pytest.raises(CurriculumStateError, match="'zaya1' scheduler"):
        Curriculum.from_config(CONFIGS["rlve"]).load(saved, strict=False)


def test_a_failed_load_changes_nothing(saved: Path) -> None:
    curriculum = Curriculum.from_config(CONFIGS["zaya1"])
    curriculum.sample(3)
    before = curriculum.state_dict()
    state = state_module.read_state(saved)
    state["rng"] = "garbage"
    with pytest.raises(CurriculumStateError, match="malformed curriculum state"):
        curriculum.load_state_dict(state)
    assert curriculum.state_dict() == before


def test_a_failed_write_keeps_the_previous_file(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    previous = saved.read_bytes()
    curriculum = Curriculum.from_config(CONFIGS["zaya1"])
    curriculum.sample(50)

    def crash(source: str, target: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(state_module.os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        curriculum.save(saved)
    assert saved.read_bytes() == previous
    assert [path.name for path in saved.parent.iterdir()] == [saved.name]
