"""Pair up coloured pearls so that every pair has two different colours (Luogu P2902)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0
_DRAWS = 64


class DifferentColorPairing(Task):
    """N pearls carry colours 1..M with given counts, none above N/2; split them into N/2 pairs of two
    differently coloured pearls.

    The counts are a uniform composition of N into M positive parts, redrawn while some part exceeds N/2.
    Difficulty: N = 2d + 6 pearls; M uniform in [3, N − 1].
    Reward: -1 unparsable or not N/2 pairs; -0.5 for a colour outside [1, M] or a pair of equal colours;
    otherwise (colours used exactly as often as they occur / M)^10.
    Answer: N/2 lines, each holding the two colours of one pair separated by a space.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(6, difficulty, 2)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        colours = rng.randint(3, n - 1)
        for _ in range(_DRAWS):
            cuts = sorted(rng.sample(range(1, n), colours - 1))
            counts = [b - a for a, b in zip([0, *cuts], [*cuts, n])]
            if max(counts) <= n // 2:
                break
        else:  # spread the pearls as evenly as possible: every count ≤ ⌈N/M⌉ ≤ N/2
            counts = [n // colours + (i < n % colours) for i in range(colours)]
            rng.shuffle(counts)
        pearls = [colour for colour, count in enumerate(counts, start=1) for _ in range(count)]
        half = n // 2
        # in sorted order a colour spans at most N/2 consecutive places, so i and i + N/2 always differ
        reference = "\n".join(f"{pearls[i]} {pearls[i + half]}" for i in range(half))
        return Instance({"N": n, "C": counts}, reference)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, counts = parameters["N"], parameters["C"]
        lines = "\n".join(f"colour {i}: {c} pearls" for i, c in enumerate(counts, start=1))
        return (
            f"There are {n} pearls, each with a colour from 1 to {len(counts)}. The number of pearls of each colour "
            f"is:\n{lines}\n"
            f"Split the pearls into exactly {n // 2} pairs so that every pearl is in one pair and the two pearls of "
            "each pair have different colours.\n"
            f"Write {n // 2} lines, each holding the two colours of one pair separated by a space."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        rows = parse_int_rows(answer)
        if any(len(row) != 2 for row in rows):
            raise AnswerFormatError("each line must hold two colours")
        n, counts = parameters["N"], parameters["C"]
        if len(rows) != n // 2:
            return rewards.unparsable(f"expected {n // 2} pairs")
        colours = len(counts)
        if not all(1 <= a <= colours and 1 <= b <= colours and a != b for a, b in rows):
            return rewards.invalid(f"every pair needs two different colours in [1, {colours}]")
        used = [0] * colours
        for a, b in rows:
            used[a - 1] += 1
            used[b - 1] += 1
        satisfied = sum(u == c for u, c in zip(used, counts))
        return rewards.partial(satisfied / colours, _BETA, f"{satisfied}/{colours} colour counts match")
