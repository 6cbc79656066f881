"""Hungry rabbit: a sequence of K-element sets that changes slowly and avoids forbidden numbers."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0
_FORBIDDEN_USED = -0.2
"""RLVE's reward for well-formed sets that contain a forbidden number."""


class HungryRabbit(Task):
    """Choose M sets S(1), ..., S(M) of K numbers from 1..N, S(i) avoiding its forbidden numbers, with
    K - |S(i) ∩ S(i-1)| ≤ L for every i ≥ 2.

    A sequence is planted (each set swaps at most L numbers of the previous one) and each S(i)'s forbidden numbers
    are a random non-empty subset of the numbers outside the planted S(i); any valid sequence is accepted.
    Difficulty: N uniform in [4, MAX] and M in [3, MAX], MAX ← MAX + 1 from 4; K uniform in [2, N - 2], L in
    [1, K - 1].
    Reward: -1 unparsable; -0.5 unless there are M lines of K distinct numbers in [1, N]; -0.2 if a set contains a
    forbidden number; otherwise (consecutive pairs within L changes / (M - 1))^10.
    Answer: M lines, the i-th holding the K numbers of S(i) separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n_m": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_n_m"]
        n, m = rng.randint(4, largest), rng.randint(3, largest)
        size = rng.randint(2, n - 2)
        changes = rng.randint(1, size - 1)
        numbers = list(range(1, n + 1))
        sets: list[list[int]] = []
        forbidden: list[list[int]] = []
        for index in range(m):
            if index == 0:
                current = rng.sample(numbers, size)
            else:
                previous = sets[-1]
                outside = [x for x in numbers if x not in previous]
                swapped = rng.randint(0, min(changes, len(outside)))
                current = rng.sample(previous, size - swapped) + rng.sample(outside, swapped)
                rng.shuffle(current)
            sets.append(current)
            outside = [x for x in numbers if x not in current]
            forbidden.append(sorted(rng.sample(outside, rng.randint(1, len(outside)))))
        parameters = {"N": n, "M": m, "K": size, "L": changes, "forbidden": forbidden}
        return Instance(parameters, "\n".join(" ".join(map(str, chosen)) for chosen in sets))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m, size, changes = parameters["N"], parameters["M"], parameters["K"], parameters["L"]
        rules = "\n".join(
            f"- S({i}) must not contain any of: {' '.join(map(str, banned))}"
            for i, banned in enumerate(parameters["forbidden"], 1)
        )
        return (
            f"Choose {m} sets S(1), S(2), ..., S({m}), each made of exactly {size} distinct integers between 1 and "
            f"{n}, such that:\n"
            f"- for every i from 2 to {m}, {size} minus the number of integers that S(i) and S(i - 1) have in common "
            f"is at most {changes} (consecutive sets share at least {size - changes} numbers);\n{rules}\n"
            f"Write {m} lines; line i holds the {size} numbers of S(i), separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        sets = parse_int_rows(answer)
        n, m, size, changes = parameters["N"], parameters["M"], parameters["K"], parameters["L"]
        if len(sets) != m:
            return rewards.invalid(f"expected {m} lines, got {len(sets)}")
        if any(len(chosen) != size or len(set(chosen)) != size for chosen in sets):
            return rewards.invalid(f"every line must hold {size} distinct numbers")
        if any(not 1 <= x <= n for chosen in sets for x in chosen):
            return rewards.invalid(f"numbers must lie in [1, {n}]")
        if any(set(chosen) & set(banned) for chosen, banned in zip(sets, parameters["forbidden"])):
            return rewards.wrong("a set contains a forbidden number", reward=_FORBIDDEN_USED)
        kept = sum(size - len(set(sets[i]) & set(sets[i - 1])) <= changes for i in range(1, m))
        return rewards.partial(kept / (m - 1), _BETA, f"{kept}/{m - 1} consecutive pairs change at most {changes}")
