"""Sandbox throughput: trivial executions per second, serial and concurrent, against plain ``subprocess.run``.

Usage: ``python benchmarks/bench_sandbox.py [--runs 600] [--concurrency 1 2 4 8] [--json out.json]``

For each concurrency level (threads calling ``Sandbox.run``) it reports executions per second, latency
percentiles, and CPU milliseconds per execution: the host process plus the zygote with every runner it reaped
(kernel work done in kernel threads, such as tearing down network namespaces, is not included). The baseline
runs ``subprocess.run([python, "-c", program])`` per execution, the usual way peers run untrusted code. On a shared
machine wall-clock rates move with other load; the CPU cost per execution is the steadier number, and
``cores / cpu_ms`` is the rate the machine would reach if the sandbox had it to itself.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rlve_gym.verifiers.sandbox import Sandbox, SandboxLimits

PROGRAM = "print(6 * 7)"
EXPECTED = "42\n"


def _tree_cpu_seconds(pid: int) -> float:
    """User + system time of a process and of all its reaped children, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _measure(run_one, runs: int, concurrency: int, zygote_pid: int | None) -> dict:
    latencies: list[float] = []

    def timed() -> None:
        started = time.perf_counter()
        run_one()
        latencies.append(time.perf_counter() - started)

    host_before = os.times()
    zygote_before = _tree_cpu_seconds(zygote_pid) if zygote_pid else 0.0
    started = time.perf_counter()
    if concurrency == 1:
        for _ in range(runs):
            timed()
    else:
        with ThreadPoolExecutor(max_workers=concurrency) as executor:
            for future in [executor.submit(timed) for _ in range(runs)]:
                future.result()
    elapsed = time.perf_counter() - started
    host_after = os.times()
    zygote_after = _tree_cpu_seconds(zygote_pid) if zygote_pid else 0.0
    host_cpu = sum(host_after[:4]) - sum(host_before[:4])  # user, system, children user, children system
    latencies.sort()
    return {
        "concurrency": concurrency,
        "runs": runs,
        "executions_per_s": runs / elapsed,
        "latency_p50_ms": 1000 * statistics.median(latencies),
        "latency_p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
        "cpu_ms_per_execution": 1000 * (host_cpu + zygote_after - zygote_before) / runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=600, help="executions per sandbox measurement")
    parser.add_argument("--baseline-runs", type=int, default=200, help="executions per subprocess measurement")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 2, 4, 8], help="thread counts")
    parser.add_argument("--no-namespaces", action="store_true", help="measure the fallback without namespaces")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    arguments = parser.parse_args()

    load_before = os.getloadavg()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sandbox = Sandbox(SandboxLimits(timeout_s=10.0), namespaces=not arguments.no_namespaces)
        capabilities = sandbox.capabilities()

    def sandboxed() -> None:
        result = sandbox.run(PROGRAM)
        if result.stdout != EXPECTED:
            raise RuntimeError(f"unexpected result: {result}")

    def baseline() -> None:
        completed = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=60)
        if completed.stdout != EXPECTED:
            raise RuntimeError(f"unexpected result: {completed}")

    for _ in range(50):
        sandboxed()  # warm up: page cache, zygote heap
    rows = []
    for concurrency in arguments.concurrency:
        rows.append({"method": "sandbox", **_measure(sandboxed, arguments.runs, concurrency, sandbox.zygote_pid)})
    for concurrency in sorted({1, max(arguments.concurrency)}):
        rows.append({"method": "subprocess.run", **_measure(baseline, arguments.baseline_runs, concurrency, None)})
    sandbox.close()

    cores = os.cpu_count() or 1
    report = {
        "benchmark": "sandbox trivial executions",
        "program": PROGRAM,
        "machine": {
            "cpu_count": cores,
            "kernel": platform.release(),
            "python": platform.python_version(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
        },
        "capabilities": asdict(capabilities),
        "results": rows,
    }
    print(
        f"{'method':<15} {'threads':>7} {'exec/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'cpu ms/exec':>11} {'cores/cpu':>9}"
    )
    for row in rows:
        capacity = cores * 1000 / row["cpu_ms_per_execution"]
        print(
            f"{row['method']:<15} {row['concurrency']:>7} {row['executions_per_s']:>8.0f} {row['latency_p50_ms']:>7.1f}"
            f" {row['latency_p99_ms']:>7.1f} {row['cpu_ms_per_execution']:>11.2f} {capacity:>9.0f}"
        )
    print(f"load average before {load_before}, after {report['machine']['load_average_after']}")
    print(json.dumps(report))
    if arguments.json is not None:
        arguments.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
