"""The verifier as a TRL reward function: batch verification of completions against their problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rlve_gym.batch import WorkerPool
from rlve_gym.core.problem import Problem, Verdict
from rlve_gym.core.rewards import unparsable


def completion_text(completion: str | list[dict[str, Any]]) -> str:
    """The text of a completion (conversational completions: the content of its messages)."""
    if isinstance(completion, str):
        return completion
    return "".join(str(message.get("content", "")) for message in completion)


class VerifierReward:
    """``reward(prompts, completions, problem=..., **kw) -> list[float]`` for `trl.GRPOTrainer`.

    Each row carries its problem as JSON (column ``problem``). Verification runs in `pool`; the verdicts of the
    last call are kept in `last_verdicts` (the trainer reads accuracies from there for the curriculum).

    With `truncation_length` and `eos_token_ids` set, a completion of that many tokens without an end-of-sequence
    token was cut off: it fails with the wrong-format verdict instead of being judged (an unfinished answer is not
    an answer, and rewarding its text teaches the policy not to stop).
    """

    __name__ = "verifier"

    def __init__(
        self,
        pool: WorkerPool,
        reward_mode: str = "shaped",
        *,
        truncation_length: int | None = None,
        eos_token_ids: Sequence[int] = (),
    ) -> None:
        self.pool = pool
        self.reward_mode = reward_mode
        self.truncation_length = truncation_length
        self.eos_token_ids = frozenset(eos_token_ids)
        self.last_verdicts: list[Verdict] = []

    def is_truncated(self, completion_ids: Sequence[int] | None) -> bool:
        """Whether a completion was cut at the length limit."""
        if self.truncation_length is None or completion_ids is None:
            return False
        return len(completion_ids) >= self.truncation_length and not self.eos_token_ids & set(completion_ids)

    def __call__(
        self,
        prompts: Sequence[Any],
        completions: Sequence[Any],
        problem: Sequence[str],
        completion_ids: Sequence[Sequence[int]] | None = None,
        **_: Any,
    ) -> list[float]:
        problems = [Problem.from_json(text) for text in problem]
        texts = [completion_text(completion) for completion in completions]
        verdicts = self.pool.verify(problems, texts, reward_mode=self.reward_mode)
        if completion_ids is not None:
            cut = unparsable(f"completion cut at {self.truncation_length} tokens without finishing")
            if self.reward_mode == "binary":
                cut = Verdict(0.0, 0, False, cut.detail)
            verdicts = [cut if self.is_truncated(ids) else v for v, ids in zip(verdicts, completion_ids, strict=True)]
        self.last_verdicts = verdicts
        return [verdict.reward for verdict in verdicts]
