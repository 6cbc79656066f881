"""The verifier as a TRL reward function: batch verification of completions against their problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rlve_gym.batch import WorkerPool
from rlve_gym.core.problem import Problem, Verdict


def completion_text(completion: str | list[dict[str, Any]]) -> str:
    """The text of a completion (conversational completions: the content of its messages)."""
    if isinstance(completion, str):
        return completion
    return "".join(str(message.get("content", "")) for message in completion)


class VerifierReward:
    """``reward(prompts, completions, problem=..., **kw) -> list[float]`` for `trl.GRPOTrainer`.

    Each row carries its problem as JSON (column ``problem``). Verification runs in `pool`; the verdicts of the
    last call are kept in `last_verdicts` (the trainer reads accuracies from there for the curriculum).
    """

    __name__ = "verifier"

    def __init__(self, pool: WorkerPool, reward_mode: str = "shaped") -> None:
        self.pool = pool
        self.reward_mode = reward_mode
        self.last_verdicts: list[Verdict] = []

    def __call__(
        self, prompts: Sequence[Any], completions: Sequence[Any], problem: Sequence[str], **_: Any
    ) -> list[float]:
        problems = [Problem.from_json(text) for text in problem]
        texts = [completion_text(completion) for completion in completions]
        self.last_verdicts = self.pool.verify(problems, texts, reward_mode=self.reward_mode)
        return [verdict.reward for verdict in self.last_verdicts]
