"""Cryptarithmetic addition in base N: recover the digit hidden behind each symbol."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped


def add_digits(first: list[int], second: list[int], base: int) -> list[int]:
    """Sum of two numbers given as digit lists, least significant digit first, in the same form."""
    result, carry = [], 0
    for i in range(max(len(first), len(second))):
        total = (first[i] if i < len(first) else 0) + (second[i] if i < len(second) else 0) + carry
        result.append(total % base)
        carry = total // base
    if carry:
        result.append(carry)
    return result


class Cryptarithmetic(Task):
    """Symbols d[0], …, d[N-1] stand for the digits 0..N-1 of base N in an unknown order; given an addition
    written with the symbols, find a digit for each symbol (all different) that makes it true.

    Two random L-digit numbers (leading digit non-zero) are added under a hidden assignment, and the addition is
    written with the symbols. Any assignment that makes the addition true is accepted; a number may start with
    the symbol of 0.
    Difficulty: N = d + 3; L is drawn from [N + 3, max(N + 3, 2N)].
    Reward: -1 unparsable; -0.5 if the answer is not a permutation of 0..N-1; else (digit positions where the sum
    of the two addends under the answer agrees with the written result / number of positions)^3 (the shorter
    number padded with leading zeros).
    Answer: the digits of d[0], …, d[N-1] in decimal on one line, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"base": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        base = self.ladder(difficulty)["base"]
        length = rng.randint(base + 3, max(base + 3, 2 * base))
        digit_of = rng.sample(range(base), base)  # digit_of[symbol]
        symbol_of = {digit: symbol for symbol, digit in enumerate(digit_of)}
        first = [rng.randint(0, base - 1) for _ in range(length - 1)] + [rng.randint(1, base - 1)]
        second = [rng.randint(0, base - 1) for _ in range(length - 1)] + [rng.randint(1, base - 1)]
        total = add_digits(first, second, base)

        def word(digits: list[int]) -> list[int]:
            return [symbol_of[digit] for digit in reversed(digits)]  # most significant first

        parameters = {"N": base, "first": word(first), "second": word(second), "result": word(total)}
        return Instance(parameters, " ".join(map(str, digit_of)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        base = parameters["N"]

        def written(symbols: list[int]) -> str:
            return "".join(f"d[{symbol}]" for symbol in symbols)

        return (
            f"In base {base}, the symbols d[0], d[1], ..., d[{base - 1}] stand for the digits 0 to {base - 1}, each "
            "for a different digit, but which is which is unknown. A number is written with its most significant "
            f"symbol first: d[a]d[b]d[c] means d[a]·{base}^2 + d[b]·{base} + d[c].\n"
            "This addition holds:\n"
            f"{written(parameters['first'])}\n+\n{written(parameters['second'])}\n=\n{written(parameters['result'])}\n"
            "Find a digit for every symbol so that the addition is correct.\n"
            f"Write the digits of d[0], d[1], ..., d[{base - 1}] in decimal on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        digit_of = parse_int_list(answer)
        base = parameters["N"]
        if sorted(digit_of) != list(range(base)):
            return rewards.invalid(f"the digits must be a permutation of 0..{base - 1}")

        def digits(symbols: list[int]) -> list[int]:
            return [digit_of[symbol] for symbol in reversed(symbols)]  # least significant first

        total = add_digits(digits(parameters["first"]), digits(parameters["second"]), base)
        written = digits(parameters["result"])
        width = max(len(total), len(written))
        total += [0] * (width - len(total))
        written += [0] * (width - len(written))
        matches = sum(a == b for a, b in zip(total, written, strict=True))
        return rewards.partial(matches / width, 3.0, f"{matches}/{width} result digits agree")
