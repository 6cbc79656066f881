"""Standalone environment benchmark: generation and verification speed per task and difficulty.

Generation and verification run in a `WorkerPool`; latency is measured inside the worker (one call of
`generate` / `verify`), throughput is problems per wall-clock second over the whole cell, IPC included.
"""

from __future__ import annotations

import json
import math
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

from rlve_gym.batch import Failure, ProblemSpec, WorkerPool
from rlve_gym.core.answers import reference_completion
from rlve_gym.core.problem import Problem


@dataclass(frozen=True)
class BenchRow:
    """Measurements for one (task, difficulty) cell."""

    task: str
    difficulty: int
    problems: int
    workers: int
    generate_per_s: float
    generate_p50_ms: float
    generate_p99_ms: float
    generate_max_ms: float
    verify_per_s: float
    verify_p50_ms: float
    verify_p99_ms: float
    failures: int
    """Generations that raised or timed out."""
    reference_accuracy: float
    """Mean accuracy of the reference answers (must be 1.0)."""


def percentile(values: Sequence[float], q: float) -> float:
    """The q-quantile (0 ≤ q ≤ 1) by the nearest-rank method; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = min(len(ordered), max(1, math.ceil(q * len(ordered))))
    return ordered[rank - 1]


def bench_cell(pool: WorkerPool, task: str, difficulty: int, problems: int, seed_offset: int = 0) -> BenchRow:
    """Benchmark one task at one difficulty."""
    specs = [ProblemSpec(task, difficulty, seed_offset + seed) for seed in range(problems)]
    started = time.perf_counter()
    generated = pool.run("generate", specs)
    generate_wall = time.perf_counter() - started
    ok = [outcome for outcome in generated if isinstance(outcome.value, Problem)]
    generated_problems: list[Problem] = [outcome.value for outcome in ok]  # type: ignore[misc]
    completions = [reference_completion(p.reference_answer) for p in generated_problems]
    started = time.perf_counter()
    verified = pool.run("verify", [(p, c, "shaped") for p, c in zip(generated_problems, completions, strict=True)])
    verify_wall = time.perf_counter() - started
    generate_ms = [outcome.seconds * 1000 for outcome in ok]
    verify_ms = [outcome.seconds * 1000 for outcome in verified]
    accuracy = [outcome.value.accuracy for outcome in verified]  # type: ignore[union-attr]
    return BenchRow(
        task=task,
        difficulty=difficulty,
        problems=problems,
        workers=pool.workers,
        generate_per_s=len(specs) / generate_wall if generate_wall else 0.0,
        generate_p50_ms=percentile(generate_ms, 0.5),
        generate_p99_ms=percentile(generate_ms, 0.99),
        generate_max_ms=max(generate_ms, default=0.0),
        verify_per_s=len(verified) / verify_wall if verify_wall else 0.0,
        verify_p50_ms=percentile(verify_ms, 0.5),
        verify_p99_ms=percentile(verify_ms, 0.99),
        failures=sum(isinstance(outcome.value, Failure) for outcome in generated),
        reference_accuracy=sum(accuracy) / len(accuracy) if accuracy else 0.0,
    )


def run_bench(
    tasks: Sequence[str],
    difficulties: Sequence[int],
    *,
    problems: int = 50,
    workers: int = 1,
    timeout_s: float = 10.0,
    on_cell: Callable[[BenchRow], None] | None = None,
) -> list[BenchRow]:
    """Benchmark every (task, difficulty); `on_cell` is called after each cell (progress reporting)."""
    rows = []
    with WorkerPool(workers, timeout_s=timeout_s) as pool:
        # warm-up: import every task module in the workers so the first cell is not charged for it
        pool.run("generate", [ProblemSpec(task, 0, 10**9) for task in tasks for _ in range(max(1, workers))])
        for task in tasks:
            for difficulty in difficulties:
                row = bench_cell(pool, task, difficulty, problems)
                rows.append(row)
                if on_cell:
                    on_cell(row)
    return rows


def machine_description() -> str:
    """One line describing this machine (for benchmark records)."""
    import os

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def rows_to_json(rows: Sequence[BenchRow]) -> str:
    """JSON document with the machine description and all rows."""
    return json.dumps({"machine": machine_description(), "rows": [asdict(row) for row in rows]}, indent=1)


def rows_to_markdown(rows: Sequence[BenchRow]) -> str:
    """A Markdown table of the rows."""
    header = (
        "| task | d | gen/s | gen p50 ms | gen p99 ms | verify/s | verify p50 ms | verify p99 ms | failures "
        "| ref acc |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    lines = [
        f"| {r.task} | {r.difficulty} | {r.generate_per_s:,.0f} | {r.generate_p50_ms:.2f} | {r.generate_p99_ms:.2f} | "
        f"{r.verify_per_s:,.0f} | {r.verify_p50_ms:.2f} | {r.verify_p99_ms:.2f} | {r.failures} | "
        f"{r.reference_accuracy:.2f} |"
        for r in rows
    ]
    return header + "\n".join(lines) + "\n"
