"""Set splitting: two-colour elements so that no given subset is monochromatic."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_SUBSETS_PER_ELEMENT_TENTHS = range(10, 31)  # M / N from 1.0 to 3.0 in steps of 0.1


class SetSplitting(Task):
    """Split 0..N-1 into S1 and S2 so that each of M given subsets meets both parts.

    A split is planted (S1 of random size 1..N-1); each subset takes a random non-empty part of S1 and of S2.
    Difficulty: N = d + 3 elements; M = floor(r·N) subsets with r drawn from {1.0, 1.1, ..., 3.0}.
    Reward: -1 unparsable; -0.5 for an element out of range or repeated; else (subsets meeting both parts / M)^10.
    Answer: the elements of S1 on one line, separated by spaces (S2 is the rest).
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        m = rng.choice(_SUBSETS_PER_ELEMENT_TENTHS) * n // 10
        first = rng.sample(range(n), rng.randint(1, n - 1))
        chosen = set(first)
        second = [element for element in range(n) if element not in chosen]
        subsets = []
        for _ in range(m):
            subset = rng.sample(first, rng.randint(1, len(first))) + rng.sample(second, rng.randint(1, len(second)))
            rng.shuffle(subset)
            subsets.append(subset)
        return Instance({"N": n, "subsets": subsets}, " ".join(map(str, first)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, subsets = parameters["N"], parameters["subsets"]
        listing = "\n".join("{ " + ", ".join(map(str, subset)) + " }" for subset in subsets)
        return (
            f"Let S be the set of the {n} integers 0 to {n - 1}. Split S into two disjoint parts S1 and S2 (together "
            f"all of S) so that each of the following {len(subsets)} subsets of S has at least one element in S1 "
            f"and at least one element in S2:\n{listing}\n"
            "Write the elements of S1 on one line, separated by spaces; S2 is everything else."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        first = parse_int_list(answer, allow_empty=True)
        n, subsets = parameters["N"], parameters["subsets"]
        if len(set(first)) != len(first) or any(not 0 <= element < n for element in first):
            return rewards.invalid(f"elements must be distinct and between 0 and {n - 1}")
        chosen = set(first)
        split = sum(0 < sum(element in chosen for element in subset) < len(subset) for subset in subsets)
        return rewards.partial(split / len(subsets), 10.0, f"{split}/{len(subsets)} subsets meet both parts")
