"""Cut a binary string into K pieces and reorder them to spell a target string (Luogu P3785)."""

from __future__ import annotations

import random
from itertools import pairwise
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0


class StringPartitionShuffle(Task):
    """Give K intervals [L, R) that partition a binary string S and, read in the given order, spell the string T.

    T is planted: S is cut at K - 1 random points and the pieces are shuffled.
    Difficulty: N = 4 + d; K is 3 with probability 1/2, otherwise uniform in [2, N - 1]; each character of S is 1
    with a per-instance probability uniform in [0.1, 0.9].
    Reward: -1 unparsable (not K lines of two integers); -0.5 if an interval is empty or out of range or the
    intervals do not partition 0..N-1; otherwise (fraction of positions where the spelled string matches T)^10.
    Answer: K lines, the i-th holding L[i] and R[i] separated by a space.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pieces = 3 if rng.random() < 0.5 else rng.randint(2, n - 1)
        one_probability = rng.uniform(0.1, 0.9)
        text = "".join("1" if rng.random() < one_probability else "0" for _ in range(n))
        ends = [0, *sorted(rng.sample(range(1, n), pieces - 1)), n]
        intervals = [[ends[i], ends[i + 1]] for i in range(pieces)]
        rng.shuffle(intervals)
        parameters = {"S": text, "K": pieces, "T": "".join(text[left:right] for left, right in intervals)}
        return Instance(parameters, "\n".join(f"{left} {right}" for left, right in intervals))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        text, pieces = parameters["S"], parameters["K"]
        n = len(text)
        return (
            f"Here is a string S of length {n} (positions 0 to {n - 1}): {text}\n"
            f"Choose {pieces} intervals [L[1], R[1]), ..., [L[{pieces}], R[{pieces}]) that are non-empty and "
            f"together cover every position of S exactly once, such that the pieces S[L[1]:R[1]], ..., "
            f"S[L[{pieces}]:R[{pieces}]] (Python slicing: S[L:R] is S[L] up to S[R-1]), written one after another "
            f"in this order, spell the string T = {parameters['T']}\n"
            f"Write {pieces} lines; line i holds L[i] and R[i] separated by a space."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        rows = parse_int_rows(answer)
        text, target, pieces = parameters["S"], parameters["T"], parameters["K"]
        n = len(text)
        if len(rows) != pieces or any(len(row) != 2 for row in rows):
            raise AnswerFormatError(f"expected {pieces} lines of two integers L R")
        if any(not 0 <= left < right <= n for left, right in rows):
            return rewards.invalid(f"every interval needs 0 ≤ L < R ≤ {n}")
        ordered = sorted(rows)
        tiles = ordered[0][0] == 0 and ordered[-1][1] == n
        if not tiles or any(a[1] != b[0] for a, b in pairwise(ordered)):
            return rewards.invalid("the intervals do not partition the string")
        spelled = "".join(text[left:right] for left, right in rows)
        matches = sum(a == b for a, b in zip(spelled, target))
        return rewards.partial(matches / n, _BETA, f"{matches}/{n} positions right")
