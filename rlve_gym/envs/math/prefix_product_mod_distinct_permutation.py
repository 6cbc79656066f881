"""A permutation of 1..N whose prefix products are pairwise distinct modulo N."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0
_DRAWS = 200


class PrefixProductMODDistinctPermutation(Task):
    """Find a permutation of 1..N whose N prefix products are pairwise distinct modulo N.

    Such a permutation exists exactly when N is 1, 4 or a prime. For a prime N the reference is 1, 2/1, 3/2, …,
    (N-1)/(N-2), N (divisions modulo N), whose prefix products are 1, 2, …, N-1, 0; for N = 4 it is 1 3 2 4.
    Difficulty: N is drawn uniformly from the primes (and 4) in [3, V], V ← int(1.5·V) from 8.
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 1..N; otherwise
    (distinct prefix products modulo N / N)^10.
    Answer: the N numbers on one line, separated by spaces.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(8, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        bound = self.ladder(difficulty)["max_N"]
        n = 0
        for _ in range(_DRAWS):
            n = rng.randint(3, bound)
            if n == 4 or _is_prime(n):
                break
        else:  # practically unreachable: fall back to the largest prime not above the last draw
            while not _is_prime(n):
                n -= 1
        parameters = {"N": n}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"Find a permutation a_1, a_2, ..., a_{n} of the numbers 1 to {n} such that the {n} prefix products "
            f"a_1, a_1·a_2, ..., a_1·a_2·...·a_{n} are pairwise distinct modulo {n}.\n"
            f"Write the {n} numbers of the permutation in order on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The construction above (N must be 4 or a prime)."""
        n = parameters["N"]
        if n == 4:
            return [1, 3, 2, 4]
        return [1, *((i + 1) * pow(i, -1, n) % n for i in range(1, n - 1)), n]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        permutation = parse_int_list(answer)
        n = parameters["N"]
        if sorted(permutation) != list(range(1, n + 1)):
            return rewards.invalid(f"not a permutation of 1..{n}")
        seen, product = set(), 1
        for value in permutation:
            product = product * value % n
            seen.add(product)
        return rewards.partial(len(seen) / n, _BETA, f"{len(seen)}/{n} distinct prefix products")


def _is_prime(n: int) -> bool:
    if n < 2:
        return False
    divisor = 2
    while divisor * divisor <= n:
        if n % divisor == 0:
            return False
        divisor += 1
    return True
