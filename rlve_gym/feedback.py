"""Feedback a task's verifier can give beyond the verdict, for multi-turn episodes (`rlve_gym.multiturn`).

A task's `score` may call `report_feedback(text)` to say what a model should learn from a wrong attempt (which
tests failed and how, what the submitted input made the program print). The text never reaches the verdict:
only a caller that opened `collect_feedback()` receives it, so single-turn training is unaffected. Feedback must
not reveal the answer; tasks that report none get a generic line from the multi-turn environment.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

__all__ = ["collect_feedback", "report_feedback"]

_SINK: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("rlve_gym_feedback", default=None)


def report_feedback(text: str) -> None:
    """Record feedback on the answer being scored (ignored unless a caller is collecting it)."""
    sink = _SINK.get()
    if sink is not None:
        sink.append(text)


@contextlib.contextmanager
def collect_feedback() -> Iterator[list[str]]:
    """Collect the feedback reported while the block runs (per thread and per asyncio task)."""
    sink: list[str] = []
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)
