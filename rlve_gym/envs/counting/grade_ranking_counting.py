"""Count score tables where row 0 is beaten R[j] times in each column and dominates exactly K rows."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MODULI = (10**9 + 7, 998244353)


class GradeRankingCounting(Task):
    """Count N × M matrices with A[i][j] in [1, U[j]], R[j] rows above row 0 in column j, and K rows dominated by row 0.

    Row i ≥ 1 is above row 0 in column j when A[i][j] > A[0][j], and dominated when A[0][j] ≥ A[i][j] in every
    column. The count factorises: which rows are above in each column (K rows never above, every other row above
    somewhere: inclusion-exclusion over the rows left out), times, per column, Σ_s (U[j] - s)^R[j] · s^(N-1-R[j])
    over row 0's value s. The instance is drawn from a random table (some rows forced below row 0), so the count
    is positive.
    Difficulty: N and M uniform in [2, MAX], MAX ← int(1.1·MAX + 1) from 2; U[j] uniform in [1, N]; MOD is
    10^9 + 7 or 998244353.
    Reward: 1 for the right residue, 0 for a wrong one, -0.5 outside [0, MOD), -1 unparsable.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n_m": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_n_m"]
        n, m = rng.randint(2, largest), rng.randint(2, largest)
        losers = set(rng.sample(range(1, n), rng.randint(0, n - 1)))
        bounds = [rng.randint(1, n) for _ in range(m)]
        table = [[rng.randint(1, bound) for bound in bounds]]
        for row in range(1, n):
            top = table[0] if row in losers else bounds
            table.append([rng.randint(1, limit) for limit in top])
        above = [sum(table[row][j] > table[0][j] for row in range(1, n)) for j in range(m)]
        dominated = sum(all(table[0][j] >= table[row][j] for j in range(m)) for row in range(1, n))
        parameters = {"N": n, "M": m, "U": bounds, "R": above, "K": dominated, "MOD": rng.choice(_MODULI)}
        parameters["count"] = self.solve(parameters)  # stored: solving grows like N²·M, verifying should not
        return Instance(parameters, str(parameters["count"]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m, modulus = parameters["N"], parameters["M"], parameters["MOD"]
        bounds = " ".join(f"U[{j}]={u}" for j, u in enumerate(parameters["U"]))
        above = " ".join(f"R[{j}]={r}" for j, r in enumerate(parameters["R"]))
        return (
            f"Count the {n} × {m} matrices A (rows 0..{n - 1}, columns 0..{m - 1}) of integers such that:\n"
            f"1. every entry A[i][j] lies in [1, U[j]], where {bounds};\n"
            f"2. in every column j, exactly R[j] of the rows i = 1..{n - 1} have A[i][j] > A[0][j], where {above};\n"
            f"3. exactly {parameters['K']} of the rows i = 1..{n - 1} satisfy A[0][j] ≥ A[i][j] for every column j.\n"
            f"Give the number of such matrices modulo {modulus}.\n"
            f"Your answer should be a single integer between 0 and {modulus - 1}."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The count modulo MOD."""
        n, bounds, above, dominated, modulus = (parameters[key] for key in ("N", "U", "R", "K", "MOD"))
        others = n - 1 - dominated  # rows that must be above row 0 in at least one column
        patterns = 0
        for left_out in range(others + 1):
            ways = math.comb(others, left_out)
            for count in above:
                ways *= math.comb(others - left_out, count)
            patterns += -ways if left_out % 2 else ways
        total = math.comb(n - 1, dominated) * patterns % modulus
        for bound, count in zip(bounds, above):
            column = sum(pow(bound - s, count, modulus) * pow(s, n - 1 - count, modulus) for s in range(1, bound + 1))
            total = total * column % modulus
        return total

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, parameters["count"], parameters["MOD"])
