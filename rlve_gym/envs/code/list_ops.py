"""A library of list transformations, each with a description in words, Python source and a host implementation.

Shared by the list-pipeline code tasks (implement it, fix an injected bug in it, predict what a program built from
it prints). An operation is a JSON-able dict ``{"op": name, …parameters}``. `source_lines` gives statements that
transform a list held in the variable ``xs`` (they may use the helper names ``i``, ``x``, ``total``, ``kept``,
``shift``); `apply` computes the same thing on the host, independently of the source; the tests check that the
two agree through the interpreter and through CPython in the sandbox.
"""

from __future__ import annotations

import itertools
import random
from typing import Any

__all__ = ["OPERATIONS", "apply", "apply_all", "describe", "random_operation", "source_lines"]

OPERATIONS = ("keep_mod", "keep_compare", "affine", "abs_diff", "clamp", "prefix_sums", "differences", "reverse",
              "sort", "dedupe_adjacent", "unique", "take", "drop", "rotate", "running_max", "window_sum",
              "swap_pairs", "append_sum", "times_index", "every_other")  # fmt: skip
"""Every operation name."""

_COMPARISONS = {">": "greater than", ">=": "greater than or equal to", "<": "less than", "<=": "less than or equal to"}


def random_operation(rng: random.Random, value_bound: int) -> dict[str, Any]:
    """A random operation with parameters suited to values within ±`value_bound`."""
    name = rng.choice(OPERATIONS)
    if name == "keep_mod":
        modulus = rng.randint(2, 5)
        return {"op": name, "modulus": modulus, "remainder": rng.randrange(modulus), "keep": rng.random() < 0.5}
    if name == "keep_compare":
        return {
            "op": name,
            "comparison": rng.choice(sorted(_COMPARISONS)),
            "threshold": rng.randint(-value_bound // 2, value_bound // 2),
        }
    if name == "affine":
        return {"op": name, "scale": rng.choice([-3, -2, -1, 1, 2, 3]), "shift": rng.randint(-9, 9)}
    if name == "abs_diff":
        return {"op": name, "center": rng.randint(-value_bound // 2, value_bound // 2)}
    if name == "clamp":
        low = rng.randint(-value_bound, value_bound // 2)
        return {"op": name, "low": low, "high": low + rng.randint(1, value_bound)}
    if name == "sort":
        return {"op": name, "descending": rng.random() < 0.5}
    if name in ("take", "drop", "rotate"):
        return {"op": name, "count": rng.randint(1, 6)}
    if name == "window_sum":
        return {"op": name, "width": rng.randint(2, 4)}
    if name == "every_other":
        return {"op": name, "start": rng.randint(0, 1)}
    return {"op": name}


def _signed(value: int) -> str:
    return f"+ {value}" if value >= 0 else f"- {-value}"


def describe(operation: dict[str, Any]) -> str:
    """The operation in words (one sentence, no final period)."""
    name = operation["op"]
    if name == "keep_mod":
        verb = "Keep only" if operation["keep"] else "Remove"
        return (
            f"{verb} the elements x whose remainder x % {operation['modulus']} (between 0 and "
            f"{operation['modulus'] - 1}, as in Python) equals {operation['remainder']}"
        )
    if name == "keep_compare":
        return f"Keep only the elements {_COMPARISONS[operation['comparison']]} {operation['threshold']}"
    if name == "affine":
        return f"Replace every element x by {operation['scale']}·x {_signed(operation['shift'])}"
    if name == "abs_diff":
        return f"Replace every element x by the absolute value of x − ({operation['center']})"
    if name == "clamp":
        return (
            f"Replace every element below {operation['low']} by {operation['low']} and every element above "
            f"{operation['high']} by {operation['high']}"
        )
    if name == "sort":
        return f"Sort the list in {'descending' if operation['descending'] else 'ascending'} order"
    if name == "take":
        return f"Keep only the first {operation['count']} elements (all of them if there are fewer)"
    if name == "drop":
        return f"Remove the first {operation['count']} elements (all of them if there are fewer)"
    if name == "rotate":
        return (
            f"If the list is not empty, rotate it left by {operation['count']} modulo its length positions "
            "(the first elements move to the end)"
        )
    if name == "window_sum":
        width = operation["width"]
        return (
            f"Replace the list by the sums of its windows of {width} consecutive elements, from left to right "
            f"(a list with fewer than {width} elements becomes empty)"
        )
    if name == "every_other":
        parity = "even" if operation["start"] == 0 else "odd"
        return f"Keep only the elements at {parity} positions (positions count from 0)"
    return {
        "prefix_sums": "Replace the list by its prefix sums (element i becomes the sum of elements 0 to i)",
        "differences": "Replace the list by the differences of neighbours, element i+1 minus element i (a list with "
        "fewer than 2 elements becomes empty)",
        "reverse": "Reverse the list",
        "dedupe_adjacent": "Remove every element equal to the element just before it in the current list",
        "unique": "Keep only the first occurrence of each value",
        "running_max": "Replace element i by the largest of elements 0 to i",
        "swap_pairs": "Swap the elements at positions 0 and 1, 2 and 3, and so on (a last unpaired element stays)",
        "append_sum": "Append the sum of all elements to the end of the list",
        "times_index": "Replace the element at position i (counting from 0) by i times that element",
    }[name]


def source_lines(operation: dict[str, Any]) -> list[str]:
    """Python statements (4-space indentation for nested lines) that apply the operation to ``xs``."""
    name = operation["op"]
    if name == "keep_mod":
        relation = "==" if operation["keep"] else "!="
        return [f"xs = [x for x in xs if x % {operation['modulus']} {relation} {operation['remainder']}]"]
    if name == "keep_compare":
        return [f"xs = [x for x in xs if x {operation['comparison']} {operation['threshold']}]"]
    if name == "affine":
        scale = {1: "", -1: "-"}.get(operation["scale"], f"{operation['scale']} * ")
        return [f"xs = [{scale}x {_signed(operation['shift'])} for x in xs]"]
    if name == "abs_diff":
        return [f"xs = [abs(x - ({operation['center']})) for x in xs]"]
    if name == "clamp":
        return [f"xs = [min(max(x, {operation['low']}), {operation['high']}) for x in xs]"]
    if name == "prefix_sums":
        return ["total = 0", "kept = []", "for x in xs:", "    total += x", "    kept.append(total)", "xs = kept"]
    if name == "differences":
        return ["xs = [xs[i + 1] - xs[i] for i in range(len(xs) - 1)]"]
    if name == "reverse":
        return ["xs = xs[::-1]"]
    if name == "sort":
        return ["xs = sorted(xs, reverse=True)" if operation["descending"] else "xs = sorted(xs)"]
    if name == "dedupe_adjacent":
        return ["kept = []", "for x in xs:", "    if not kept or kept[-1] != x:", "        kept.append(x)", "xs = kept"]
    if name == "unique":
        return ["kept = []", "for x in xs:", "    if x not in kept:", "        kept.append(x)", "xs = kept"]
    if name == "take":
        return [f"xs = xs[:{operation['count']}]"]
    if name == "drop":
        return [f"xs = xs[{operation['count']}:]"]
    if name == "rotate":
        return ["if xs:", f"    shift = {operation['count']} % len(xs)", "    xs = xs[shift:] + xs[:shift]"]
    if name == "running_max":
        return [
            "kept = []",
            "for x in xs:",
            "    if kept and kept[-1] > x:",
            "        kept.append(kept[-1])",
            "    else:",
            "        kept.append(x)",
            "xs = kept",
        ]
    if name == "window_sum":
        width = operation["width"]
        return [f"xs = [sum(xs[i:i + {width}]) for i in range(len(xs) - {width - 1})]"]
    if name == "swap_pairs":
        return ["xs = xs[:]", "for i in range(0, len(xs) - 1, 2):", "    xs[i], xs[i + 1] = xs[i + 1], xs[i]"]
    if name == "append_sum":
        return ["xs = xs + [sum(xs)]"]
    if name == "times_index":
        return ["xs = [i * xs[i] for i in range(len(xs))]"]
    if name == "every_other":
        return [f"xs = xs[{operation['start']}::2]"]
    raise ValueError(f"unknown list operation {name!r}")


def apply(operation: dict[str, Any], values: list[int]) -> list[int]:
    """The operation applied to a copy of `values` (written independently of `source_lines`)."""
    name = operation["op"]
    xs = list(values)
    if name == "keep_mod":
        return [x for x in xs if (x % operation["modulus"] == operation["remainder"]) == operation["keep"]]
    if name == "keep_compare":
        threshold = operation["threshold"]
        test = {">": threshold.__lt__, ">=": threshold.__le__, "<": threshold.__gt__, "<=": threshold.__ge__}
        return list(filter(test[operation["comparison"]], xs))
    if name == "affine":
        return [operation["scale"] * x + operation["shift"] for x in xs]
    if name == "abs_diff":
        return [abs(x - operation["center"]) for x in xs]
    if name == "clamp":
        return [
            operation["low"] if x < operation["low"] else operation["high"] if x > operation["high"] else x for x in xs
        ]
    if name == "prefix_sums":
        sums, running = [], 0
        for x in xs:
            running += x
            sums.append(running)
        return sums
    if name == "differences":
        return [after - before for before, after in itertools.pairwise(xs)]
    if name == "reverse":
        return list(reversed(xs))
    if name == "sort":
        return sorted(xs, reverse=operation["descending"])
    if name == "dedupe_adjacent":
        return [x for position, x in enumerate(xs) if position == 0 or xs[position - 1] != x]
    if name == "unique":
        return list(dict.fromkeys(xs))
    if name == "take":
        return xs[: operation["count"]]
    if name == "drop":
        return xs[operation["count"] :]
    if name == "rotate":
        if not xs:
            return xs
        shift = operation["count"] % len(xs)
        return xs[shift:] + xs[:shift]
    if name == "running_max":
        result, best = [], None
        for x in xs:
            best = x if best is None else max(best, x)
            result.append(best)
        return result
    if name == "window_sum":
        width = operation["width"]
        return [sum(xs[start : start + width]) for start in range(len(xs) - width + 1)]
    if name == "swap_pairs":
        for position in range(1, len(xs), 2):
            xs[position - 1], xs[position] = xs[position], xs[position - 1]
        return xs
    if name == "append_sum":
        return [*xs, sum(xs)]
    if name == "times_index":
        return [position * x for position, x in enumerate(xs)]
    if name == "every_other":
        return xs[operation["start"] :: 2]
    raise ValueError(f"unknown list operation {name!r}")


def apply_all(operations: list[dict[str, Any]], values: list[int]) -> list[int]:
    """Every operation in order."""
    for operation in operations:
        values = apply(operation, values)
    return values
