"""Raise intervals of an array by one, at most K times, to lengthen its longest non-decreasing subsequence
(Luogu P3287 "Cornfield")."""

from __future__ import annotations

import bisect
import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def longest_non_decreasing(values: list[int]) -> int:
    """Length of a longest non-decreasing subsequence (patience sorting with bisect_right)."""
    tails: list[int] = []
    for value in values:
        index = bisect.bisect_right(tails, value)
        if index == len(tails):
            tails.append(value)
        else:
            tails[index] = value
    return len(tails)


def best_raises(heights: list[int], limit: int) -> tuple[int, list[list[int]]]:
    """(longest non-decreasing subsequence reachable with ≤ `limit` raises, a list of raises reaching it).

    Stretching a raised interval to the end of the array never hurts (later elements only gain), so the raises
    covering position i form a count c_i that never decreases along the array. Pick a subsequence with counts
    c ≤ limit non-decreasing and heights h + c non-decreasing: longest[i][c] is the longest such subsequence
    ending at i with count c, from prefix maxima over counts of the earlier positions.
    """
    n = len(heights)
    longest = [[0] * (limit + 1) for _ in range(n)]
    # prefix[i][c] = (max over counts ≤ c of longest[i][·], the count achieving it)
    prefix: list[list[tuple[int, int]]] = []
    parent: dict[tuple[int, int], tuple[int, int]] = {}
    for i, height in enumerate(heights):
        for count in range(limit + 1):
            best, link = 0, None
            for j in range(i):
                top = min(count, count + height - heights[j])  # earlier count ≤ count and earlier height ≤ ours
                if top >= 0 and prefix[j][top][0] > best:
                    best, link = prefix[j][top][0], (j, prefix[j][top][1])
            longest[i][count] = best + 1
            if link is not None:
                parent[(i, count)] = link
        running, row = (0, 0), []
        for count in range(limit + 1):
            if longest[i][count] > running[0]:
                running = (longest[i][count], count)
            row.append(running)
        prefix.append(row)
    end = max(((i, c) for i in range(n) for c in range(limit + 1)), key=lambda state: longest[state[0]][state[1]])
    chain = [end]
    while chain[-1] in parent:
        chain.append(parent[chain[-1]])
    chain.reverse()
    # raise number ℓ covers [first chosen position with count ≥ ℓ, end]: position p is then covered c_p times
    raises = [[next(p for p, c in chain if c >= level), n - 1] for level in range(1, chain[-1][1] + 1)]
    return longest[end[0]][end[1]], raises


class Cornfield(Task):
    """An array H may receive at most K operations, each adding 1 to every element of an interval [L, R];
    maximise the length of the longest non-decreasing subsequence of the result.

    Difficulty: N growing as N ← int(1.1·N + 1) from 3; H[i] uniform in [1, 2N]; K uniform in
    [1, max(1, min(N, total descent of H))], the total descent being Σ max(H[i−1] − H[i], 0).
    Reward: -1 unparsable; -0.5 for more than K operations or an interval outside [0, N−1]; otherwise
    (achieved length / optimal length)^5.
    Answer: one operation per line, "L R" (0-based, L ≤ R), at most K lines.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        heights = [rng.randint(1, 2 * n) for _ in range(n)]
        descent = sum(max(a - b, 0) for a, b in itertools.pairwise(heights))
        parameters = {"H": heights, "K": rng.randint(1, max(1, min(n, descent)))}
        _, raises = best_raises(heights, parameters["K"])
        # raising the whole array changes nothing, and keeps the reference answer non-empty
        reference = "\n".join(f"{low} {high}" for low, high in raises or [[0, n - 1]])
        return Instance(parameters, reference)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        heights, limit = parameters["H"], parameters["K"]
        n = len(heights)
        values = " ".join(f"H[{i}]={h}" for i, h in enumerate(heights))
        return (
            f"An array H of length {n} holds: {values}\n"
            f"You may perform at most {limit} operations. An operation picks an interval [L, R] with "
            f"0 ≤ L ≤ R < {n} and adds 1 to every H[i] with L ≤ i ≤ R. Make the longest non-decreasing "
            "subsequence (not necessarily contiguous) of the final array as long as possible.\n"
            f'Write the operations one per line as "L R" (two 0-based indices separated by a space), at most '
            f"{limit} lines."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The longest non-decreasing subsequence length reachable."""
        return best_raises(parameters["H"], parameters["K"])[0]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        rows = parse_int_rows(answer) if answer.strip() else []
        if any(len(row) != 2 for row in rows):
            raise AnswerFormatError("each line must hold two integers L R")
        heights, limit = parameters["H"], parameters["K"]
        n = len(heights)
        if len(rows) > limit:
            return rewards.invalid(f"more than {limit} operations")
        change = [0] * (n + 1)
        for low, high in rows:
            if not 0 <= low <= high < n:
                return rewards.invalid(f"interval [{low}, {high}] is not inside [0, {n - 1}]")
            change[low] += 1
            change[high + 1] -= 1
        final, running = [], 0
        for i in range(n):
            running += change[i]
            final.append(heights[i] + running)
        return rewards.optimality(longest_non_decreasing(final), self.solve(parameters), _BETA, minimize=False)
