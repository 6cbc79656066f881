"""Countdown numbers game, closest variant: get as near to a target as + - * / allow, using each number once."""

from __future__ import annotations

import bisect
import math
import random
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.puzzle.countdown import checked_countdown_value

_MAX_OPERANDS = (8, 16, 24, 32, 40, 48)
_EXHAUSTIVE_MAX_NUMBERS = 5
"""Up to this many numbers the closest reachable value is found by exhaustive search (≤ ~0.1 s)."""
_CORE_SIZE = 4
_CORE_TRIES = 3
_REST_TRIES = 100
_REDRAWS = 8

Rational = tuple[int, int]
"""An exact value as (numerator, denominator) in lowest terms with a positive denominator: faster than Fraction
(hashing a Fraction costs a modular inverse), which matters because the searches below touch some 1e5 values."""

_TEMPLATES = ("{a} + {b}", "{a} * {b}", "{a} - {b}", "{b} - {a}", "{a} / {b}", "{b} / {a}")


def _rational(numerator: int, denominator: int) -> Rational:
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    g = math.gcd(numerator, denominator)
    return numerator // g, denominator // g


def _as_text(value: Rational) -> str:
    return str(value[0]) if value[1] == 1 else f"{value[0]}/{value[1]}"


def _wrap(text: str) -> str:
    return text if text.isdigit() else f"({text})"


def _results(x: Rational, y: Rational) -> list[tuple[Rational, int]]:
    """Every value one operation makes from x and y (both orders), each with its index into `_TEMPLATES`."""
    p, q = x
    r, s = y
    if q == 1 and s == 1:
        found = [((p + r, 1), 0), ((p * r, 1), 1), ((p - r, 1), 2), ((r - p, 1), 3)]
    else:
        difference = _rational(p * s - r * q, q * s)
        found = [(_rational(p * s + r * q, q * s), 0), (_rational(p * r, q * s), 1), (difference, 2)]
        found.append(((-difference[0], difference[1]), 3))
    if r != 0:
        found.append((_rational(p * s, q * r), 4))
    if p != 0:
        found.append((_rational(r * q, s * p), 5))
    return found


def _expression(x_text: str, y_text: str, template: int) -> str:
    return _TEMPLATES[template].format(a=_wrap(x_text), b=_wrap(y_text))


def _reachable(numbers: list[int], *, full: bool) -> dict[int, dict[Rational, str]]:
    """For every subset (a bit mask over `numbers`; the whole set only if `full`), each value an expression using
    exactly that subset can take, with one such expression."""
    count = len(numbers)
    whole = (1 << count) - 1
    values: dict[int, dict[Rational, str]] = {1 << i: {(n, 1): str(n)} for i, n in enumerate(numbers)}
    for mask in sorted(range(1, whole + 1), key=int.bit_count):
        if mask in values or (mask == whole and not full):
            continue
        lowest = mask & -mask
        found: dict[Rational, str] = {}
        part = (mask - 1) & mask
        while part:
            if part & lowest:  # each unordered split once
                for x, x_text in values[part].items():
                    for y, y_text in values[mask ^ part].items():
                        for value, template in _results(x, y):
                            if value not in found:
                                found[value] = _expression(x_text, y_text, template)
            part = (part - 1) & mask
        values[mask] = found
    return values


def _closer(value: Rational, best: Rational, target: int) -> bool:
    """|value - target| < |best - target|, exactly."""
    return abs(value[0] - target * value[1]) * best[1] < abs(best[0] - target * best[1]) * value[1]


def closest_reachable(numbers: list[int], target: int) -> tuple[Rational, str]:
    """The value nearest `target` over all expressions using every number once, and one expression for it.

    Exhaustive: the values of every proper subset are enumerated; at the root split {A, B}, for each value x of A
    only the values y of B next to the point where an operation's result crosses the target can be best (each
    result is monotone in y on each side of y = 0), so those neighbours and the extremes of each sign are tried.
    B's values are ordered as exact integers after scaling by the common denominator.
    """
    if len(numbers) == 1:
        return (numbers[0], 1), str(numbers[0])
    values = _reachable(numbers, full=False)
    whole = (1 << len(numbers)) - 1
    best: tuple[Rational, str] | None = None
    part = (whole - 1) & whole
    while part:
        if part & 1:
            small, large = values[part], values[whole ^ part]
            if len(small) > len(large):
                small, large = large, small
            scale = math.lcm(*(q for _, q in large))
            by_scaled = {p * (scale // q): (p, q) for p, q in large}
            ordered = sorted(by_scaled)
            negatives = [y for y in ordered if y < 0]
            positives = [y for y in ordered if y > 0]
            extremes = [side[i] for side in (negatives, positives) if side for i in (0, -1)]
            for x, x_text in small.items():
                p, q = x
                anchors = [_rational(target * q - p, q), _rational(p - target * q, q), _rational(target * q + p, q)]
                if p != 0:
                    anchors += [_rational(target * q, p), _rational(target * p, q)]
                if target != 0:
                    anchors.append(_rational(p, q * target))
                candidates = set(extremes)
                for numerator, denominator in anchors:
                    position = bisect.bisect_left(ordered, -((-numerator * scale) // denominator))
                    candidates.update(ordered[max(0, position - 1) : position + 1])
                for scaled in sorted(candidates):
                    y = by_scaled[scaled]
                    for value, template in _results(x, y):
                        if best is None or _closer(value, best[0], target):
                            best = (value, _expression(x_text, large[y], template))
        part = (part - 1) & whole
    assert best is not None
    return best


def _combine_randomly(rng: random.Random, numbers: list[int], limit: int) -> tuple[int, str]:
    """A random expression over `numbers` whose intermediate values stay integers in [0, limit]."""
    pool = [(number, str(number)) for number in numbers]
    while len(pool) > 1:
        (a, a_text), (b, b_text) = (pool.pop(rng.randrange(len(pool))) for _ in range(2))
        a_text, b_text = _wrap(a_text), _wrap(b_text)
        options = [(a + b, f"{a_text} + {b_text}"), (a * b, f"{a_text} * {b_text}")]
        options.append((a - b, f"{a_text} - {b_text}") if a >= b else (b - a, f"{b_text} - {a_text}"))
        if b and a % b == 0:
            options.append((a // b, f"{a_text} / {b_text}"))
        if a and b % a == 0:
            options.append((b // a, f"{b_text} / {a_text}"))
        pool.append(rng.choice([option for option in options if option[0] <= limit]))
    return pool[0]


def _hit_exactly(rng: random.Random, numbers: list[int], target: int, limit: int) -> str | None:
    """Look for an expression equal to `target`: all values of a random core of four numbers, combined with random
    expressions over the other numbers by one last operation. None if the tries run out."""
    for _ in range(_CORE_TRIES):
        order = list(range(len(numbers)))
        rng.shuffle(order)
        core = [numbers[i] for i in order[:_CORE_SIZE]]
        rest = [numbers[i] for i in order[_CORE_SIZE:]]
        core_values = _reachable(core, full=True)[(1 << len(core)) - 1]
        for _ in range(_REST_TRIES):
            w, w_text = _combine_randomly(rng, rest, limit)
            # the core value r that would finish the expression, for each last operation r ∘ w or w ∘ r
            needs = [((target - w, 1), 0), ((target + w, 1), 2), ((w - target, 1), 3)]
            if w != 0:
                needs += [(_rational(target, w), 1), ((target * w, 1), 4)]
            if target != 0:
                needs.append((_rational(w, target), 5))
            for needed, template in needs:
                if needed in core_values and not (template == 5 and needed[0] == 0):
                    return _expression(core_values[needed], w_text, template)
    return None


class CountdownClose(Task):
    """Combine all given numbers with + - * / and parentheses to get as close as possible to a target.

    Numbers and target are drawn uniformly as in RLVE-Gym. The reference is exact at every size. With at most five
    numbers the closest reachable value is found by exhaustive search (often the target is out of reach). With
    more numbers exhaustive search is infeasible (13 numbers at d=10), and there the target is nearly always
    reachable anyway: the generator searches for an expression equal to the target (all values of four of the
    numbers, joined to random expressions over the rest) and redraws the instance until it finds one, so the
    optimum is the target itself, proven by the reference expression (after 8 redraws the target is planted as
    the value of a random expression). RLVE-Gym instead leaves the optimum unknown beyond six numbers and then
    demands an exact hit; here an exact hit is always possible there.
    Difficulty: K = d + 3 numbers, each in [1, B] with B drawn from {8, 16, 24, 32, 40, 48}; target in [0, 10·B].
    Reward: -1 unparsable; -0.5 if the numbers used are not exactly the given ones or it divides by zero; else
    (1 + best gap) / (1 + gap), where gap = |value - target| and best gap is the smallest gap possible, so the
    reward is 1 exactly for an optimal expression (RLVE-Gym's 1/(1 + gap) rescaled by its passing threshold).
    Answer: one arithmetic expression using each given number exactly once (no unary minus).
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"numbers": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        count = self.ladder(difficulty)["numbers"]
        for _ in range(_REDRAWS):
            bound = rng.choice(_MAX_OPERANDS)
            target = rng.randint(0, 10 * bound)
            numbers = [rng.randint(1, bound) for _ in range(count)]
            if count <= _EXHAUSTIVE_MAX_NUMBERS:
                closest, expression = closest_reachable(numbers, target)
                return Instance(self._parameters(numbers, target, closest), expression)
            expression = _hit_exactly(rng, numbers, target, 10 * bound)
            if expression is not None:
                return Instance(self._parameters(numbers, target, (target, 1)), expression)
        target, expression = _combine_randomly(rng, numbers, 10 * bound)
        return Instance(self._parameters(numbers, target, (target, 1)), expression)

    @staticmethod
    def _parameters(numbers: list[int], target: int, closest: Rational) -> dict[str, Any]:
        return {"numbers": numbers, "target": target, "closest": _as_text(closest)}

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Numbers: {' '.join(map(str, parameters['numbers']))}\nTarget: {parameters['target']}\n"
            "Write an arithmetic expression whose value is as close as possible to the target (the smaller the "
            "absolute difference, the better; hitting it exactly is best when that is possible). Use every number "
            "above exactly once and only + - * / and parentheses (no other numbers, no unary minus). Division is "
            "exact: fractions are allowed, both along the way and as the final value.\n"
            "Write only the expression."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = checked_countdown_value(answer, parameters["numbers"])
        if isinstance(value, Verdict):
            return value
        target = parameters["target"]
        best_gap = abs(Fraction(parameters["closest"]) - target)
        return rewards.optimality(1 + abs(value - target), 1 + best_gap, 1.0, minimize=True)
