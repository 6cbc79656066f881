"""Code tasks: generation and verification speed, through the worker pool and in process.

Usage: ``python benchmarks/bench_code_tasks.py [--problems 40] [--difficulties 0 5 10] [--workers 1 2]
[--json out.json]``

Part 1 runs `rlve_gym.bench.run_bench` on every code task: problems generated and their reference answers
verified in a `WorkerPool` (latency measured inside the worker, throughput over the whole cell, IPC included);
verifying a program answer starts one sandboxed execution. Part 2 times, in this process, what one verification
costs by kind of answer: text that is not Python (judged on the host, no sandbox), the reference program, and,
for function tasks, a wrong program that runs every hidden test and one that dies before the first. On a shared
machine wall-clock numbers move with other load.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rlve_gym import get_task, reference_completion
from rlve_gym.bench import machine_description, percentile, rows_to_markdown, run_bench
from rlve_gym.envs import CATALOGUE

CODE_TASKS = sorted(name for name, location in CATALOGUE.items() if location.startswith("code."))
ANSWER_KINDS = {
    "not Python": lambda problem: "<answer>Let me write the function: it sorts (the list</answer>",
    "reference": lambda problem: reference_completion(problem.reference_answer),
    # function tasks only: every hidden test runs and fails; the program dies before any test runs
    "wrong program": lambda problem: (
        f"<answer>def {problem.parameters['function_name']}(*a):\n    return None</answer>"
    ),
    "crashing program": lambda problem: (
        f"<answer>import os\nos._exit(3)\ndef {problem.parameters['function_name']}(*a):\n    return None</answer>"
    ),
}


def verification_costs(difficulty: int, problems: int) -> list[dict]:
    """Median and p99 milliseconds of one in-process verification, per task and kind of answer."""
    rows = []
    for name in CODE_TASKS:
        task = get_task(name)
        generated = [task.generate(seed, difficulty) for seed in range(problems)]
        task.verify(generated[0], ANSWER_KINDS["reference"](generated[0]))  # start this process's sandbox
        for kind, make in ANSWER_KINDS.items():
            if kind.endswith("program") and "function_name" not in generated[0].parameters:
                continue
            timings = []
            for problem in generated:
                completion = make(problem)
                started = time.perf_counter()
                task.verify(problem, completion)
                timings.append((time.perf_counter() - started) * 1000)
            rows.append({"task": name, "difficulty": difficulty, "answer": kind,
                         "p50_ms": statistics.median(timings), "p99_ms": percentile(timings, 0.99)})  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=40, help="problems per (task, difficulty) cell")
    parser.add_argument("--difficulties", type=int, nargs="+", default=[0, 5, 10])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker-pool sizes to run")
    parser.add_argument("--json", type=Path, help="also write every number to this JSON file")
    arguments = parser.parse_args()
    warnings.simplefilter("ignore")  # a weaker sandbox warns once per process; capabilities are not measured here

    print(f"# Code tasks — {machine_description()}\n")
    results: dict = {"machine": machine_description(), "pool": {}, "in_process": []}
    for workers in arguments.workers:
        rows = run_bench(CODE_TASKS, arguments.difficulties, problems=arguments.problems, workers=workers)
        results["pool"][workers] = [asdict(row) for row in rows]
        print(f"## Worker pool, {workers} worker(s), {arguments.problems} problems per cell\n")
        print(rows_to_markdown(rows))
    costs = verification_costs(max(arguments.difficulties), min(arguments.problems, 20))
    results["in_process"] = costs
    print(f"## One verification in process, d = {max(arguments.difficulties)}\n")
    print("| task | answer | p50 ms | p99 ms |\n|---|---|---:|---:|")
    for row in costs:
        print(f"| {row['task']} | {row['answer']} | {row['p50_ms']:.2f} | {row['p99_ms']:.2f} |")
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
