"""``rlve-gym bench``: generation/verification speed per task and difficulty."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rlve_gym.cli import CliError, non_negative_int, positive_int
from rlve_gym.core.registry import get_task, task_names
from rlve_gym.core.task import FAMILIES


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    parser = subparsers.add_parser("bench", help="benchmark tasks: problems/s and latency of generate and verify")
    parser.add_argument("tasks", nargs="*", help="task names (default: all)")
    parser.add_argument("--family", choices=sorted(FAMILIES), help="only tasks of this family")
    parser.add_argument(
        "-d", "--difficulties", type=non_negative_int, nargs="+", default=[0, 5, 10], help="difficulty levels"
    )
    parser.add_argument("-n", "--problems", type=positive_int, default=50, help="problems per task and difficulty")
    parser.add_argument("--workers", type=positive_int, default=1, help="worker processes")
    parser.add_argument("--timeout", type=float, default=10.0, help="per-problem time limit in seconds")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    parser.add_argument("--markdown", type=Path, help="also write a Markdown table to this file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the benchmark with a progress bar; print a table."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from rlve_gym.bench import machine_description, rows_to_json, rows_to_markdown, run_bench

    if args.timeout <= 0:
        raise CliError(f"--timeout must be positive, got {args.timeout}")
    tasks = args.tasks or task_names(args.family)
    for name in tasks:
        get_task(name)  # unknown names fail here, with suggestions, before any work starts
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    ) as progress:
        bar = progress.add_task("benchmarking", total=len(tasks) * len(args.difficulties))

        def advance(row) -> None:
            progress.update(bar, advance=1, description=f"{row.task} d={row.difficulty}")

        rows = run_bench(
            tasks,
            args.difficulties,
            problems=args.problems,
            workers=args.workers,
            timeout_s=args.timeout,
            on_cell=advance,
        )
    table = Table(title=f"rlve-gym bench — {machine_description()}")
    for column in ("task", "d", "gen/s", "gen p50 ms", "gen p99 ms", "verify/s", "verify p99 ms", "fail", "ref acc"):
        table.add_column(column, justify="left" if column == "task" else "right")
    for r in rows:
        table.add_row(
            r.task,
            str(r.difficulty),
            f"{r.generate_per_s:,.0f}",
            f"{r.generate_p50_ms:.2f}",
            f"{r.generate_p99_ms:.2f}",
            f"{r.verify_per_s:,.0f}",
            f"{r.verify_p99_ms:.2f}",
            str(r.failures),
            f"{r.reference_accuracy:.2f}",
        )
    Console(width=None if sys.stdout.isatty() else 200).print(table)
    if args.json:
        args.json.write_text(rows_to_json(rows) + "\n")
    if args.markdown:
        args.markdown.write_text(rows_to_markdown(rows))
    bad = [r for r in rows if r.reference_accuracy < 1.0 or r.failures]
    return 1 if bad else 0
