"""Count arrays with entries in [1, A] whose maximum over given intervals is prescribed (HEOI 2018,
'Singing girl's story')."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import stepped

_MODULI = (666623333, 998244353, 10**9 + 7)


def count_arrays(n: int, top: int, conditions: list[list[int]], modulus: int) -> int:
    """#{H ∈ [1, top]^n : max H[l..r] = v for every condition (l, r, v)} mod `modulus` (1-based, inclusive).

    Each position is capped by the smallest v among the conditions covering it (`top` if none). A condition with
    value v can only be met at positions capped exactly at v, so the values separate: for each v, count fillings of
    the positions capped at v (each equal to v, or one of v - 1 smaller values) in which every condition of value
    v sees a v, by a DP over the last position holding v.
    """
    cap = [top] * (n + 1)
    covered = [False] * (n + 1)
    for left, right, value in conditions:
        for i in range(left, right + 1):
            cap[i] = min(cap[i], value)
            covered[i] = True
    total = pow(top, sum(1 for i in range(1, n + 1) if not covered[i]), modulus)
    for value in sorted({value for _, _, value in conditions}):
        ending = {}  # right end → largest left end among the conditions of this value ending there
        for left, right, v in conditions:
            if v == value:
                ending[right] = max(ending.get(right, 0), left)
        ways = {0: 1}  # last position holding the value (0: none yet) → number of fillings
        for i in range(1, n + 1):
            if covered[i] and cap[i] == value:
                ways_here = {last: count * (value - 1) % modulus for last, count in ways.items()}
                ways_here[i] = sum(ways.values()) % modulus
                ways = ways_here
            if i in ending:
                ways = {last: count for last, count in ways.items() if last >= ending[i]}
        total = total * sum(ways.values()) % modulus
    return total


class SingingGirlStory(Task):
    """Count the arrays H[1..N] with entries in [1, A] satisfying M conditions max(H[l..r]) = v, modulo MOD.

    The conditions are read off a random hidden array, so at least one array satisfies them.
    Difficulty: N is uniform in [3, MAX], A in [2, N] and M in [1, MAX], with MAX = 3 + d; every interval has
    length at least 2; MOD is one of 666623333, 998244353, 10^9 + 7.
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_N_M": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["MAX_N_M"]
        n = rng.randint(3, largest)
        top = rng.randint(2, n)
        hidden = [rng.randint(1, top) for _ in range(n)]
        conditions = []
        for _ in range(rng.randint(1, largest)):
            length = rng.randint(2, n)
            left = rng.randint(1, n - length + 1)
            right = left + length - 1
            conditions.append([left, right, max(hidden[left - 1 : right])])
        parameters = {"N": n, "A": top, "conditions": conditions, "MOD": rng.choice(_MODULI)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, top, modulus = parameters["N"], parameters["A"], parameters["MOD"]
        rules = "\n".join(f"- max(H[{l}], ..., H[{r}]) = {v}" for l, r, v in parameters["conditions"])
        return (
            f"Consider arrays H[1], H[2], ..., H[{n}] in which every entry is an integer from 1 to {top}. "
            "How many of them satisfy all of the following conditions, where max(H[l], ..., H[r]) is the largest "
            f"entry among positions l to r?\n{rules}\n"
            f"Give the number of such arrays modulo {modulus}, as a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The count modulo MOD."""
        return count_arrays(parameters["N"], parameters["A"], parameters["conditions"], parameters["MOD"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
