"""Cut a ±1 sequence into M consecutive batches minimising the largest |batch sum|; break ties lexicographically."""

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


class SignSplitter:
    """Which suffixes of a ±1 sequence split into k consecutive batches with every |batch sum| ≤ d.

    For d ≥ 1 a suffix of length L and sum s splits into exactly k batches iff k ≤ L and |s| ≤ k·d: the prefix
    sums move by ±1, so a first batch whose sum lands in the range the rest can absorb always exists (induction on
    k). For d = 0 every batch sums to 0: the suffix must return to its starting level at least k times, the last
    time at its end."""

    def __init__(self, signs: list[int]) -> None:
        self.prefix = [0]
        for sign in signs:
            self.prefix.append(self.prefix[-1] + sign)
        # returns[i]: positions j > i with prefix[j] == prefix[i], i.e. balanced pieces starting at i
        self.returns = [0] * len(self.prefix)
        seen: dict[int, int] = {}
        for i in range(len(self.prefix) - 1, -1, -1):
            self.returns[i] = seen.get(self.prefix[i], 0)
            seen[self.prefix[i]] = self.returns[i] + 1

    def feasible(self, start: int, batches: int, bound: int) -> bool:
        """Can signs[start:] be cut into exactly `batches` batches with every |sum| ≤ bound?"""
        length, total = len(self.prefix) - 1 - start, self.prefix[-1] - self.prefix[start]
        if not 1 <= batches <= length:
            return False
        if bound == 0:
            return total == 0 and self.returns[start] >= batches
        return abs(total) <= batches * bound

    def best_bound(self, batches: int) -> int:
        """The least achievable largest |batch sum| for the whole sequence."""
        if self.feasible(0, batches, 0):
            return 0
        total = abs(self.prefix[-1])
        return max(1, -(-total // batches))


def best_cuts(labels: list[int], signs: list[int], batches: int) -> tuple[int, list[int]]:
    """The optimal bound and, among optimal cuttings, the one whose sequence of labels at batch ends is
    lexicographically smallest (labels are distinct, so choosing the smallest feasible label at each step is
    optimal)."""
    splitter = SignSplitter(signs)
    bound = splitter.best_bound(batches)
    n, start, ends = len(signs), 0, []
    for remaining in range(batches, 1, -1):
        ends_ok = [
            end
            for end in range(start, n - remaining + 1)
            if abs(splitter.prefix[end + 1] - splitter.prefix[start]) <= bound
            and splitter.feasible(end + 1, remaining - 1, bound)
        ]
        end = min(ends_ok, key=lambda index: labels[index])
        ends.append(end)
        start = end + 1
    ends.append(n - 1)
    return bound, [labels[end] for end in ends]


class Minimum_MaxAbsSlicer(Task):
    """Given a permutation A of 1..N and signs B[i] = ±1, cut the indices into M consecutive batches minimising the
    largest |sum of B over a batch|; among optimal cuttings, the sequence A[end[1]], ..., A[end[M]] of labels at
    the batch ends must be lexicographically smallest.

    M is uniform in [3, N-1]; each sign is +1 with a probability drawn uniformly per instance. The answer is
    exact (a closed-form feasibility test, then greedy smallest labels).
    Difficulty: N grows as N ← int(1.1·N + 1) from 4.
    Reward: -1 unparsable; -0.5 unless the labels are in 1..N and mark M strictly increasing batch ends, the last
    at index N-1; otherwise 0.5·(optimal bound / bound)^5 (0.5 when both are 0), plus, when the bound is optimal,
    0.5·(fraction of positions agreeing with the reference sequence)^5.
    Answer: A[end[1]] … A[end[M]] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"length": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["length"]
        batches = rng.randint(3, n - 1)
        labels = rng.sample(range(1, n + 1), n)
        plus_probability = rng.random()
        signs = [1 if rng.random() < plus_probability else -1 for _ in range(n)]
        bound, sequence = best_cuts(labels, signs, batches)
        parameters = {"A": labels, "B": signs, "M": batches, "bound": bound, "sequence": sequence}
        return Instance(parameters, " ".join(map(str, sequence)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        labels, signs, batches = parameters["A"], parameters["B"], parameters["M"]
        n = len(labels)
        rows = "\n".join(f"A[{i}]={a} B[{i}]={b:+d}" for i, (a, b) in enumerate(zip(labels, signs)))
        return (
            f"Two arrays of length {n} are given (indices 0 to {n - 1}): A is a permutation of 1..{n} and every "
            f"B[i] is +1 or -1.\n{rows}\n"
            f"Cut the indices 0..{n - 1} into {batches} consecutive non-empty batches; let end[1] < end[2] < ... < "
            f"end[{batches}] = {n - 1} be the last index of each batch. For each batch, S is the sum of B over it. "
            "First, make the largest |S| over the batches as small as possible. Among all cuttings achieving that, "
            f"choose the one whose sequence A[end[1]], A[end[2]], ..., A[end[{batches}]] is lexicographically "
            "smallest.\n"
            f"Write A[end[1]], ..., A[end[{batches}]] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[int, list[int]]:
        """The optimal bound and the lexicographically smallest optimal label sequence."""
        return best_cuts(parameters["A"], parameters["B"], parameters["M"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        sequence = parse_int_list(answer)
        labels, signs, batches = parameters["A"], parameters["B"], parameters["M"]
        n = len(labels)
        if len(sequence) != batches or any(not 1 <= label <= n for label in sequence):
            return rewards.invalid(f"expected {batches} labels from 1 to {n}")
        position = {label: index for index, label in enumerate(labels)}
        ends = [position[label] for label in sequence]
        if any(a >= b for a, b in itertools.pairwise(ends)) or ends[-1] != n - 1:
            return rewards.invalid(f"batch ends must increase and the last must be index {n - 1}")
        starts = [0] + [end + 1 for end in ends[:-1]]
        largest = max(abs(sum(signs[start : end + 1])) for start, end in zip(starts, ends))
        optimal = parameters["bound"]
        reward = 0.5 if largest == optimal else 0.5 * (optimal / largest) ** _BETA
        if largest == optimal:
            agreeing = sum(a == b for a, b in zip(sequence, parameters["sequence"]))
            reward += 0.5 * (agreeing / batches) ** _BETA
        if reward == 1.0:
            return rewards.correct()
        return rewards.wrong(f"largest |sum| {largest} (optimal {optimal})", reward=reward)
