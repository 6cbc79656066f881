"""Zero a 0/1 array by flipping windows of one fixed length: fewest flips, then the shortest window
(USACO 2007 "Face The Right Way", Luogu P2882)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_UNSUCCESSFUL = -0.2


def greedy_flips(values: list[int], window: int) -> list[int] | None:
    """The 1-based starts of the flips that zero `values` with windows of length `window`, or None if impossible.

    Flips commute and doubling one cancels it, so a solution is a set of starts; the leftmost 1 can only be
    cleared by the window starting there, which makes the set forced (and therefore the fewest) for the window.
    """
    n = len(values)
    ends = [0] * (n + 1)
    active = 0
    starts = []
    for i in range(n):
        active ^= ends[i]
        if values[i] ^ active:
            if i + window > n:
                return None
            starts.append(i + 1)
            active ^= 1
            ends[i + window] ^= 1
    return starts


def best_plan(values: list[int]) -> tuple[int, int, list[int]]:
    """(fewest flips M, shortest window K among those with M flips, the starts of one such plan)."""
    best: tuple[int, int, list[int]] | None = None
    for window in range(1, len(values) + 1):
        starts = greedy_flips(values, window)
        if starts is not None and (best is None or len(starts) < best[0]):
            best = (len(starts), window, starts)
    assert best is not None  # window 1 always works
    return best


class FaceRightWay(Task):
    """A 0/1 array A must become all zeros by flipping windows A[l..l+K−1] of one fixed length K; minimise the
    number M of flips, then K.

    A is made by flipping a random non-empty set of distinct windows of a random length K₀ ∈ [2, N] in an all-zero
    array (so it is never all zeros).
    Difficulty: N = d + 4.
    Reward: -1 unparsable; -0.5 for a window outside [1, N] or windows of different lengths; -0.2 if a 1 remains;
    otherwise 0.5·(M* / M)^5, plus 0.5·(K* / K)^5 when M = M*.
    Answer: one flip per line as "l r" (1-based, r = l + K − 1).
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        values = [0] * n
        window = rng.randint(2, n)
        # distinct starts: the first cell of the leftmost window is flipped once, so A is never all zeros
        for start in rng.sample(range(n - window + 1), rng.randint(1, n - window + 1)):
            for i in range(start, start + window):
                values[i] ^= 1
        _, window, starts = best_plan(values)
        reference = "\n".join(f"{start} {start + window - 1}" for start in starts)
        return Instance({"A": values}, reference)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        n = len(values)
        listing = "; ".join(f"A[{i}]={a}" for i, a in enumerate(values, start=1))
        return (
            f"A 0/1 array of length {n} holds: {listing}\n"
            "Choose a positive integer K, fixed once and for all, then perform M operations, each picking an index l "
            f"with 1 ≤ l ≤ {n} − K + 1 and flipping every A[i] with l ≤ i ≤ l + K − 1 (0 becomes 1, 1 becomes 0). "
            "At the end every element must be 0.\n"
            "First make M as small as possible; among the ways with that smallest M, make K as small as possible.\n"
            'Write the operations one per line as "l r" with r = l + K − 1 (1-based, all of the same length).'
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        flips = parse_int_rows(answer) if answer.strip() else []
        if any(len(flip) != 2 for flip in flips):
            raise AnswerFormatError("each line must hold two integers l r")
        values = list(parameters["A"])
        n = len(values)
        lengths = {r - l + 1 for l, r in flips}
        if any(not 1 <= l <= r <= n for l, r in flips) or len(lengths) > 1:
            return rewards.invalid(f"every flip must lie in [1, {n}] and all must have the same length")
        change = [0] * (n + 1)
        for l, r in flips:
            change[l - 1] ^= 1
            change[r] ^= 1
        active = 0
        for i in range(n):
            active ^= change[i]
            values[i] ^= active
        if any(values):
            return Verdict(_UNSUCCESSFUL, 0, True, "some element is still 1")
        fewest, window, _ = best_plan(parameters["A"])
        reward = 0.5 * (fewest / len(flips)) ** _BETA
        if len(flips) > fewest:
            return rewards.wrong(f"{len(flips)} flips, {fewest} suffice", reward)
        (length,) = lengths
        if length == window:
            return rewards.correct("fewest flips with the shortest window")
        return rewards.wrong(f"window {length}, {window} suffices", reward + 0.5 * (window / length) ** _BETA)
