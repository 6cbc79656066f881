"""A permutation of 1..N whose prefix sums are pairwise distinct modulo N."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


class PrefixSumMODDistinctPermutation(Task):
    """Find a permutation of 1..N whose N prefix sums are pairwise distinct modulo N.

    Such a permutation exists exactly when N is 1 or even (N must come first, and for odd N the full sum is
    ≡ 0 too). The reference is N, 1, N-2, 3, N-4, 5, …, whose prefix sums modulo N are 0, 1, -1, 2, -2, ….
    Difficulty: N uniform among the even numbers in [4, V], V ← int(1.5·V) from 8.
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 1..N; otherwise
    (distinct prefix sums modulo N / N)^10.
    Answer: the N numbers on one line, separated by spaces.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(8, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randrange(4, self.ladder(difficulty)["max_N"] + 1, 2)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"Find a permutation a_1, a_2, ..., a_{n} of the numbers 1 to {n} such that the {n} prefix sums "
            f"a_1, a_1 + a_2, ..., a_1 + a_2 + ... + a_{n} are pairwise distinct modulo {n}.\n"
            f"Write the {n} numbers of the permutation in order on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The zigzag construction above (N must be even)."""
        n = parameters["N"]
        return [n, *(i if i % 2 else n - i for i in range(1, n))]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        permutation = parse_int_list(answer)
        n = parameters["N"]
        if sorted(permutation) != list(range(1, n + 1)):
            return rewards.invalid(f"not a permutation of 1..{n}")
        seen, total = set(), 0
        for value in permutation:
            total = (total + value) % n
            seen.add(total)
        return rewards.partial(len(seen) / n, _BETA, f"{len(seen)}/{n} distinct prefix sums")
