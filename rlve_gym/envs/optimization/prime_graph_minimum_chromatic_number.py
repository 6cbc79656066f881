"""Colour 1..N with as few colours as possible so that numbers a prime apart differ."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.numbers import primes_up_to

_BETA = 5.0


class PrimeGraph_MinimumChromaticNumber(Task):
    """Vertices 1..N are adjacent when their difference is a prime; colour them properly with the fewest colours.

    Colouring by i mod 4 is proper (every prime difference but 2 is odd, and 2 is not a multiple of 4), and for
    N ≥ 7 four colours are needed; for N ≤ 6 the colouring ⌈i/2⌉ uses ⌈N/2⌉ colours, which is optimal there.
    Difficulty: N uniform in [3, V], V ← int(1.5·V) from 6.
    Reward: -1 unparsable; -0.5 unless there are N colours and vertices a prime apart differ; otherwise
    (fewest colours / colours used)^5.
    Answer: the colours c[1] … c[N] (non-negative integers) on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(6, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(3, self.ladder(difficulty)["max_N"])}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"An undirected graph has {n} vertices, numbered 1 to {n}; two vertices u and v are joined by an edge "
            "exactly when |u - v| is a prime number.\n"
            f"Give every vertex a colour, a non-negative integer c[1], ..., c[{n}], so that the two ends of every "
            "edge have different colours, using as few distinct colours as possible.\n"
            f"Write c[1] c[2] ... c[{n}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal colouring (see above)."""
        n = parameters["N"]
        if n <= 6:
            return [(i + 1) // 2 for i in range(1, n + 1)]
        return [i % 4 for i in range(1, n + 1)]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        colours = parse_int_list(answer)
        n = parameters["N"]
        if len(colours) != n:
            return rewards.invalid(f"expected {n} colours")
        for prime in primes_up_to(n - 1):
            if any(colours[i] == colours[i + prime] for i in range(n - prime)):
                return rewards.invalid(f"two vertices {prime} apart share a colour")
        best = len(set(self.solve(parameters)))
        return rewards.optimality(len(set(colours)), best, _BETA, minimize=True)
