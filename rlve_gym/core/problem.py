"""Value types of the task contract: an `Instance` drawn by a generator, the `Problem` shown to a model, and the
`Verdict` a verifier returns. All three are frozen; problems round-trip through JSON so verification never
regenerates and can run in another process."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any

PROBLEM_SCHEMA_VERSION = 1


def _check_json_able(value: Any, where: str) -> None:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{where} must be JSON-able (plain dict/list/str/int/float/bool/None): {exc}") from None


@dataclass(frozen=True)
class Instance:
    """What a task's generator returns: the whole instance as JSON-able parameters, plus the reference answer text
    (exactly what a perfect model would write inside the answer tags)."""

    parameters: dict[str, Any]
    reference_answer: str


@dataclass(frozen=True)
class ProblemSpec:
    """What to generate: a task, a difficulty and a seed (a problem is a pure function of these)."""

    task: str
    """Registered task name."""
    difficulty: int
    """Difficulty level d ≥ 0."""
    seed: int
    """Generation seed."""


@dataclass(frozen=True)
class Problem:
    """One generated problem of a task.

    `prompt` is the task statement (it already says what the answer looks like); the sentence asking for
    `<answer>` tags or `\\boxed{}` is added by `rlve_gym.format_prompt`, so one problem serves both formats.
    """

    task: str
    """Registered task name, e.g. ``"Sorting"``."""
    seed: int
    """Generation seed."""
    difficulty: int
    """Difficulty level d ≥ 0."""
    prompt: str
    """Task statement shown to the model."""
    parameters: dict[str, Any]
    """The whole instance (JSON-able); the verifier needs nothing else."""
    reference_answer: str
    """An answer the verifier accepts with accuracy 1."""
    task_version: int = 0
    """Version of the task's generator and verifier semantics (bumped on behaviour changes)."""

    def to_dict(self) -> dict[str, Any]:
        """Plain-dict form (JSON-able)."""
        return {"schema": PROBLEM_SCHEMA_VERSION, **asdict(self)}

    def to_json(self) -> str:
        """Canonical JSON (sorted keys), stable across processes."""
        return json.dumps(self.to_dict(), sort_keys=True, allow_nan=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Problem:
        """Inverse of `to_dict`; rejects unknown or missing fields with a clear error."""
        if not isinstance(data, dict):
            raise TypeError(f"a problem must be a dict, got {type(data).__name__}")
        data = dict(data)
        schema = data.pop("schema", PROBLEM_SCHEMA_VERSION)
        if schema != PROBLEM_SCHEMA_VERSION:
            raise ValueError(f"unsupported problem schema {schema!r} (this version reads {PROBLEM_SCHEMA_VERSION})")
        names = {f for f in cls.__dataclass_fields__}
        unknown = sorted(set(data) - names)
        if unknown:
            raise ValueError(f"unknown problem field(s): {', '.join(unknown)}")
        required = names - {"task_version"}
        missing = sorted(required - set(data))
        if missing:
            raise ValueError(f"missing problem field(s): {', '.join(missing)}")
        return cls(**data)

    @classmethod
    def from_json(cls, text: str) -> Problem:
        """Inverse of `to_json`."""
        return cls.from_dict(json.loads(text))


@dataclass(frozen=True)
class Verdict:
    """The result of verifying one completion.

    `reward` is the shaped reward in [-1, 1] (RLVE conventions: -1 no parsable answer, a negative constant for an
    invalid solution, partial credit otherwise); `accuracy` is 1 iff the answer is fully correct; `format_ok` is
    False iff no parsable answer was found.
    """

    reward: float
    """Shaped (or, in binary mode, 0/1) reward in [-1, 1]."""
    accuracy: int
    """1 iff the answer is fully correct, else 0."""
    format_ok: bool
    """True iff an answer was found and parsed."""
    detail: str = field(default="")
    """One human-readable line on why (for logs and debugging)."""

    def __post_init__(self) -> None:
        if not (isinstance(self.reward, float | int) and math.isfinite(self.reward) and -1.0 <= self.reward <= 1.0):
            raise ValueError(f"reward must be a finite number in [-1, 1], got {self.reward!r}")
        if self.accuracy not in (0, 1):
            raise ValueError(f"accuracy must be 0 or 1, got {self.accuracy!r}")
        object.__setattr__(self, "reward", float(self.reward))
        object.__setattr__(self, "accuracy", int(self.accuracy))

    def to_dict(self) -> dict[str, Any]:
        """Plain-dict form (JSON-able)."""
        return asdict(self)
