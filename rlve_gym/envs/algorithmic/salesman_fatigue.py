"""The salesman's fatigue: for every k, the best total of k visited houses' fatigue values plus twice the farthest
distance walked (NOIP 2015)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def best_totals(distances: list[int], values: list[int]) -> list[int]:
    """For k = 1..N, max over k distinct pairs of 2·max S + Σ A.

    Take pairs by decreasing A. An optimal k-set either is the top k by A (the farthest among them counts), or the
    top k-1 plus one pair further down with the largest 2·S + A: swapping any pair of an optimal set for a pair
    with larger A that is not the farthest never lowers the total.
    """
    order = sorted(range(len(values)), key=lambda i: -values[i])
    n = len(order)
    best_tail = [0] * (n + 1)  # best_tail[i] = max 2·S + A over order[i:]
    for i in range(n - 1, -1, -1):
        item = order[i]
        best_tail[i] = max(best_tail[i + 1], 2 * distances[item] + values[item])
    totals, top_sum, farthest = [], 0, 0
    for k in range(1, n + 1):
        item = order[k - 1]
        with_top = top_sum + values[item] + 2 * max(farthest, distances[item])
        totals.append(max(with_top, top_sum + best_tail[k - 1]))
        top_sum += values[item]
        farthest = max(farthest, distances[item])
    return totals


class SalesmanFatigue(Task):
    """Given N pairs (S[i], A[i]) with S sorted, give for every k = 1..N the largest value of
    2·max S + Σ A over k distinct pairs.

    Difficulty: N grows as N ← int(1.1·N + 1) from 3; S is uniform in [1, max(1, N²/2)] and sorted, A uniform in
    [1, N].
    Reward: -1 unparsable; -0.5 if not N numbers; otherwise (fraction of the N values right)^5.
    Answer: N integers on one line separated by spaces, the maximum for k = 1, 2, ..., N in order.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        distances = sorted(rng.randint(1, max(1, n * n // 2)) for _ in range(n))
        parameters = {"S": distances, "A": [rng.randint(1, n) for _ in range(n)]}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        distances, values = parameters["S"], parameters["A"]
        n = len(values)
        pairs = "\n".join(f"S[{i}]={s} A[{i}]={a}" for i, (s, a) in enumerate(zip(distances, values)))
        return (
            f"Here are {n} pairs of integers (S[i], A[i]), 0 ≤ i < {n}; S is sorted in non-decreasing order:\n"
            f"{pairs}\n"
            "For a choice of k distinct indices i_1, ..., i_k, its value is 2 · max(S[i_1], ..., S[i_k]) + "
            "A[i_1] + ... + A[i_k].\n"
            f"For each k = 1, 2, ..., {n}, find the largest value over all choices of k distinct indices.\n"
            f"Write the {n} maxima on one line, for k = 1 to {n} in order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The maximum for each k."""
        return best_totals(parameters["S"], parameters["A"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        expected = self.solve(parameters)
        if len(values) != len(expected):
            return rewards.invalid(f"expected {len(expected)} numbers, got {len(values)}")
        matches = sum(a == b for a, b in zip(values, expected, strict=True))
        return rewards.partial(matches / len(expected), 5.0, f"{matches}/{len(expected)} values right")
