"""Ways to put AND/OR between binary strings, evaluated left to right, to reach a target string."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def operator_sequence_count(strings: list[str], result: str) -> int:
    """Sequences of N operators (AND/OR) between strings[0..N], evaluated left to right, that give `result`.

    In one column, AND with 0 forces a 0 and OR with 1 forces a 1, while the other two combinations keep the value;
    so with o_i = 1 for OR, step i forces the column exactly when o_i equals the column's bit, and the result is
    the bit at the last forcing step (the start bit if none). Reading o and the complemented column c as N-bit
    numbers with step N most significant, the last forcing step is the highest bit where they differ: the column
    ends as 1 iff o > c, or o = c with a start bit 1. The valid o form an interval.
    """
    rows = strings[1:]
    n = len(rows)
    lowest, highest = 0, (1 << n) - 1  # inclusive bounds on o
    for column, want in enumerate(result):
        complement = sum((rows[i][column] == "0") << i for i in range(n))
        starts_one = strings[0][column] == "1"
        if want == "1":
            lowest = max(lowest, complement if starts_one else complement + 1)
        else:
            highest = min(highest, complement - 1 if starts_one else complement)
    return max(0, highest - lowest + 1)


class BitwiseOperationSequenceCounting(Task):
    """Given binary strings A[0] (all zeros), A[1], …, A[N] of length M and a target R, count the ways to put AND or
    OR between neighbouring strings so that the expression, evaluated left to right, equals R.

    R is the value of one random operator sequence (AND with a per-instance probability), so the count is at
    least 1; each A[i] has its own probability of 1 bits.
    Difficulty: N and M uniform in [2, MAX], MAX growing as MAX ← int(1.1·MAX + 1) from 3.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one integer, the number of operator sequences.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N_M": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_N_M"]
        n, m = rng.randint(2, largest), rng.randint(2, largest)
        strings = ["0" * m]
        value = [0] * m
        and_probability = rng.random()
        for _ in range(n):
            one_probability = rng.random()
            bits = [int(rng.random() < one_probability) for _ in range(m)]
            strings.append("".join(map(str, bits)))
            if rng.random() < and_probability:
                value = [v & b for v, b in zip(value, bits, strict=True)]
            else:
                value = [v | b for v, b in zip(value, bits, strict=True)]
        parameters = {"A": strings, "R": "".join(map(str, value))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        strings = parameters["A"]
        n = len(strings) - 1
        listed = "\n".join(f"A[{i}]={s}" for i, s in enumerate(strings))
        return (
            f"Here are {n + 1} binary strings of length {len(strings[0])}:\n{listed}\n"
            f"Put an operator, AND or OR (bitwise), between every two neighbouring strings ({n} operators in all) "
            "and evaluate the expression strictly from left to right, with no precedence.\n"
            f"In how many of the 2^{n} ways of choosing the operators is the result equal to {parameters['R']}?\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of operator sequences."""
        return operator_sequence_count(parameters["A"], parameters["R"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        count = parse_int(answer)
        if count < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(count, self.solve(parameters), _BETA)
