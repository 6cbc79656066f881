"""Choose a subsequence B of an array maximising the number of positions j with B[j] = j."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


class Longest_MatchingSubsequence(Task):
    """Select indices i1 < … < ik of an array A; with B[j] = A[ij] (j counted from 1), make the number of
    positions j with B[j] = j as large as possible.

    Difficulty: N ← int(1.1·N + 1) from 3; N-1 values uniform in [1, N] plus one 1, shuffled. The matched
    positions of any selection are indices p < q with A[p] < A[q] and A[q] - A[p] ≤ q - p (room for the entries
    between) and A[p] ≤ p + 1; the reference finds the longest such chain by an O(N²) DP and fills the gaps
    with other indices.
    Reward: -1 unparsable; -0.5 for an index out of range or indices not strictly increasing; otherwise
    (matched positions / most possible)^5.
    Answer: the selected indices (0-based, increasing) on one line, separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        values = [rng.randint(1, n) for _ in range(n - 1)] + [1]
        rng.shuffle(values)
        parameters: dict[str, Any] = {"A": values}
        chosen = self.solve(parameters)
        parameters["best"] = _matches(values, chosen)
        return Instance(parameters, " ".join(map(str, chosen)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        n = len(values)
        listing = " ".join(f"A[{i}]={a}" for i, a in enumerate(values))
        return (
            f"An array A of length {n} is indexed from 0:\n{listing}\n"
            f"Select indices i1 < i2 < ... < ik (all in 0..{n - 1}) and let B[1] = A[i1], B[2] = A[i2], ..., "
            "B[k] = A[ik] (B is indexed from 1). Make the number of positions j with B[j] = j as large as "
            "possible.\n"
            "Write the selected indices in increasing order on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal selection: the longest chain of positions that can all be matched, padded between."""
        values = parameters["A"]
        n = len(values)
        chain_length, chain_previous = [0] * n, [-1] * n
        for q in range(n):
            if values[q] > q + 1:
                continue  # fewer than A[q] - 1 entries precede q
            chain_length[q] = 1
            for p in range(q):
                fits = chain_length[p] and values[p] < values[q] and values[q] - values[p] <= q - p
                if fits and chain_length[p] + 1 > chain_length[q]:
                    chain_length[q], chain_previous[q] = chain_length[p] + 1, p
        end = max(range(n), key=lambda q: (chain_length[q], -q))
        matched = []
        while end >= 0:
            matched.append(end)
            end = chain_previous[end]
        matched.reverse()
        chosen, before, filled = [], -1, 0  # filled: how many entries B already has
        for q in matched:
            gap = values[q] - 1 - filled  # entries needed between the previous match and q
            chosen += range(before + 1, before + 1 + gap)
            chosen.append(q)
            before, filled = q, values[q]
        return chosen

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        indices = parse_int_list(answer, allow_empty=True)
        values = parameters["A"]
        if any(not 0 <= i < len(values) for i in indices):
            return rewards.invalid(f"indices must lie in [0, {len(values)})")
        if any(a >= b for a, b in itertools.pairwise(indices)):
            return rewards.invalid("indices must be strictly increasing")
        return rewards.optimality(_matches(values, indices), parameters["best"], _BETA, minimize=False)


def _matches(values: list[int], indices: list[int]) -> int:
    return sum(values[i] == j for j, i in enumerate(indices, start=1))
