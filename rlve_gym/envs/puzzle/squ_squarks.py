"""Recover N distinct positive integers from the multiset of their pairwise sums (POI 2007, Squarks)."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_NUMBER_MULTIPLE = 2
_BETA = 5.0


def pair_sums(numbers: list[int]) -> Counter[int]:
    """The multiset of x + y over all pairs of positions i < j."""
    return Counter(numbers[i] + numbers[j] for i in range(len(numbers)) for j in range(i + 1, len(numbers)))


class SquSquarks(Task):
    """Find N distinct positive integers whose N(N-1)/2 pairwise sums are exactly a given multiset.

    The integers are planted: N distinct values drawn from [1, 2N]; their pair sums are shown shuffled. Any set with
    the same multiset of pair sums is accepted.
    Difficulty: N = 3 + d.
    Reward: -1 unparsable; -0.5 unless N distinct positive integers; otherwise (|S ∩ G| / |S ∪ G|)^5 for the
    multisets S of the answer's pair sums and G of the given ones.
    Answer: the N integers on one line, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        numbers = rng.sample(range(1, _NUMBER_MULTIPLE * n + 1), n)
        sums = list(pair_sums(numbers).elements())
        rng.shuffle(sums)
        return Instance({"N": n, "sums": sums}, " ".join(map(str, sorted(numbers))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"Find {n} distinct positive integers such that the sums of all {n * (n - 1) // 2} pairs of them (each "
            "pair of different positions taken once) are exactly these numbers, in some order: "
            f"{', '.join(map(str, parameters['sums']))}\n"
            f"Write the {n} integers on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        numbers = parse_int_list(answer)
        n = parameters["N"]
        if len(numbers) != n or len(set(numbers)) != n or min(numbers) < 1:
            return rewards.invalid(f"expected {n} distinct positive integers")
        given, got = Counter(parameters["sums"]), pair_sums(numbers)
        shared = sum((given & got).values())
        either = sum((given | got).values())
        return rewards.partial(shared / either, _BETA, f"{shared} of {either} pair sums shared")
