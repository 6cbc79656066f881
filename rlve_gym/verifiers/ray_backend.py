"""Generation and verification on a Ray cluster, with the same surface and semantics as `rlve_gym.batch.WorkerPool`.

    import ray
    from rlve_gym.verifiers.ray_backend import RayVerifier

    ray.init(address="auto")                       # or nothing: a local instance is started on first use
    with RayVerifier(actors=64, timeout_s=10) as verifier:
        problems = verifier.generate([ProblemSpec("Sorting", 3, seed) for seed in range(10_000)])
        verdicts = verifier.verify(problems, completions)

For users whose verification outgrows one machine (code tasks run every completion in the sandbox). Each actor
is a Ray worker process holding the task registry (and, for code tasks, its own sandbox). Semantics follow
`WorkerPool`:

- Results come back in input order.
- A job has ``timeout_s`` from the moment its actor is free to run it (an actor's start-up does not count).
  A job that runs past it is stopped by killing its actor (``ray.kill``), which is then replaced, so nothing is
  left running; the actor's queued jobs go to other actors.
- A generation that fails or times out is a `Failure` in its slot (the seed stream stays aligned); a
  verification that fails or times out is a verdict with reward -1 and the reason in ``detail``.
- Tasks registered in the driver with `register_task` (user tasks) are shipped to every actor by value
  (cloudpickle), so they need not be importable on the cluster's nodes; ``rlve_gym`` itself must be installed
  there.

Needs the ``ray`` extra (``pip install rlve-gym-suite[ray]``).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
import traceback
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from rlve_gym.batch import STARTUP_TIMEOUT_S, Failure, JobKind, Outcome, WorkerPool, run_job
from rlve_gym.core.registry import register_task, user_tasks

__all__ = ["RayVerifier"]


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as error:  # pragma: no cover - exercised only without the extra
        raise ImportError("RayVerifier needs ray: pip install 'rlve-gym-suite[ray]'") from error
    return ray


def _pickled_user_tasks() -> bytes:
    """The driver's user tasks, pickled by value so that actors need not import their modules."""
    from ray import cloudpickle

    tasks = user_tasks()
    modules = {
        cls.__module__
        for cls in tasks.values()
        if cls.__module__ != "__main__" and not cls.__module__.startswith("rlve_gym.") and cls.__module__ in sys.modules
    }
    registered = []
    try:
        for name in sorted(modules):
            with contextlib.suppress(ValueError):  # already registered by the user
                cloudpickle.register_pickle_by_value(sys.modules[name])
                registered.append(name)
        return cloudpickle.dumps(tasks)
    finally:
        for name in registered:
            cloudpickle.unregister_pickle_by_value(sys.modules[name])


class _VerifierActor:
    """Runs jobs in a Ray worker process (made a Ray actor class by `RayVerifier`)."""

    def __init__(self, pickled_tasks: bytes) -> None:
        from ray import cloudpickle

        for task_cls in cloudpickle.loads(pickled_tasks).values():
            register_task(task_cls, replace=True)

    def ready(self) -> int:
        """The actor's process id, once its tasks are registered."""
        return os.getpid()

    def run(self, kind: JobKind, payload: Any) -> tuple[str, Any, float]:
        """One job: ("ok", result, seconds) or ("error", one line on the exception, seconds)."""
        started = time.perf_counter()
        try:
            return "ok", run_job(kind, payload), time.perf_counter() - started
        except Exception as exc:  # report, never crash the actor: the driver decides what the failure means
            last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
            where = f" at {os.path.basename(last.filename)}:{last.lineno}" if last else ""
            return "error", f"{type(exc).__name__}: {exc}{where}", time.perf_counter() - started


@dataclass
class _Slot:
    """One actor and the jobs sent to it, in the order it runs them (the first one is running)."""

    actor: Any
    startup: Any  # the reference of its ready() call until it answered
    jobs: deque[tuple[int, Any]] = field(default_factory=deque)  # (job index, result reference)
    deadline: float = 0.0


@dataclass
class _Jobs:
    """One `RayVerifier.run` call: what to run, what came back, what is still to send."""

    kind: JobKind
    payloads: Sequence[Any]
    outcomes: list[Outcome | None]
    queue: deque[int]

    def fail(self, index: int, failure: Literal["timeout", "error"], message: str, seconds: float) -> None:
        """Record a failed job (generation failures keep their spec)."""
        spec = self.payloads[index] if self.kind == "generate" else None
        self.outcomes[index] = Outcome(Failure(failure, message, spec), seconds)


class RayVerifier:
    """Generates and verifies problems on Ray actors (see the module docstring).

    Args:
        actors: number of actors (default: the cluster's CPUs, at least 1).
        timeout_s: per-job limit in seconds, as in `WorkerPool`.
        actor_options: options of each actor, e.g. ``{"num_cpus": 1, "resources": {...}}`` (default one CPU).
        max_in_flight: jobs queued on one actor at a time (hides the round trip; a timed-out actor's queued jobs
            are re-sent elsewhere, never lost).
    """

    def __init__(
        self,
        actors: int | None = None,
        *,
        timeout_s: float = 10.0,
        actor_options: dict[str, Any] | None = None,
        max_in_flight: int = 4,
    ) -> None:
        self._ray = _import_ray()
        if not timeout_s > 0:
            raise ValueError(f"timeout_s must be > 0, got {timeout_s}")
        if actors is not None and actors < 1:
            raise ValueError(f"actors must be ≥ 1, got {actors}")
        if max_in_flight < 1:
            raise ValueError(f"max_in_flight must be ≥ 1, got {max_in_flight}")
        self.actors = actors
        self.timeout_s = float(timeout_s)
        self.max_in_flight = max_in_flight
        self._actor_options = {"num_cpus": 1, **(actor_options or {})}
        self._actor_class: Any = None
        self._slots: list[_Slot] = []
        self._failed_starts = 0
        self.restarts = 0
        """How many actors were replaced after a timeout or crash."""

    # ------------------------------------------------------------------------------------------------ lifecycle
    def _ensure_started(self) -> None:
        if self._slots:
            return
        ray = self._ray
        if not ray.is_initialized():
            ray.init()
        if self.actors is None:
            self.actors = max(1, int(ray.cluster_resources().get("CPU", 1) // self._actor_options["num_cpus"]))
        self._actor_class = ray.remote(**self._actor_options)(_VerifierActor)
        tasks = _pickled_user_tasks()
        self._slots = [self._new_slot(tasks) for _ in range(self.actors)]

    def _new_slot(self, tasks: bytes | None = None) -> _Slot:
        actor = self._actor_class.remote(tasks if tasks is not None else _pickled_user_tasks())
        return _Slot(actor, actor.ready.remote(), deadline=time.monotonic() + STARTUP_TIMEOUT_S)

    def close(self) -> None:
        """Stop every actor."""
        for slot in self._slots:
            with contextlib.suppress(Exception):
                self._ray.kill(slot.actor, no_restart=True)
        self._slots = []

    def __enter__(self) -> RayVerifier:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ------------------------------------------------------------------------------------------------ jobs
    def run(self, kind: JobKind, payloads: Sequence[Any]) -> list[Outcome]:
        """Run jobs of one kind; outcomes come back in input order."""
        if not payloads:
            return []
        self._ensure_started()
        jobs = _Jobs(kind, payloads, [None] * len(payloads), deque(range(len(payloads))))
        while jobs.queue or any(slot.jobs for slot in self._slots):
            for slot in self._slots:
                while slot.startup is None and jobs.queue and len(slot.jobs) < self.max_in_flight:
                    index = jobs.queue.popleft()
                    if not slot.jobs:
                        slot.deadline = time.monotonic() + self.timeout_s
                    slot.jobs.append((index, slot.actor.run.remote(kind, payloads[index])))
            waiting = {slot.startup if slot.startup is not None else slot.jobs[0][1]: slot
                       for slot in self._slots if slot.startup is not None or slot.jobs}  # fmt: skip
            timeout = max(0.0, min(slot.deadline for slot in waiting.values()) - time.monotonic())
            ready, _ = self._ray.wait(list(waiting), num_returns=1, timeout=timeout)
            for reference in ready:
                self._collect(waiting[reference], reference, jobs)
            now = time.monotonic()
            for slot in list(self._slots):
                if (slot.startup is not None or slot.jobs) and slot.deadline <= now:
                    if slot.startup is not None:
                        self._failed_start(slot, "did not start in time", jobs)
                    else:
                        self._replace(slot, "timeout", f"stopped after {self.timeout_s:g} s", jobs)
        results = [outcome for outcome in jobs.outcomes if outcome is not None]
        assert len(results) == len(payloads)
        return [WorkerPool.as_verdict_if_needed(kind, outcome) for outcome in results]

    def _collect(self, slot: _Slot, reference: Any, jobs: _Jobs) -> None:
        ray = self._ray
        try:
            reply = ray.get(reference)
        except (ray.exceptions.RayActorError, ray.exceptions.RayTaskError) as error:
            if slot.startup is not None:
                self._failed_start(slot, f"failed to start: {type(error).__name__}", jobs)
            else:
                self._replace(slot, "error", f"actor died: {type(error).__name__}", jobs)
            return
        if slot.startup is not None:
            slot.startup = None
            self._failed_starts = 0
            return
        index, _ = slot.jobs.popleft()
        status, result, seconds = reply
        if status == "ok":
            jobs.outcomes[index] = Outcome(result, seconds)
        else:
            jobs.fail(index, "error", result, seconds)
        slot.deadline = time.monotonic() + self.timeout_s

    def _failed_start(self, slot: _Slot, message: str, jobs: _Jobs) -> None:
        """Replace an actor that never became ready; give up when actors keep failing to start."""
        self._failed_starts += 1
        if self._failed_starts > 2 * len(self._slots) + 2:
            raise RuntimeError(
                f"Ray actors keep failing to start (last one {message}); are the user tasks picklable and "
                "rlve_gym installed on the cluster?"
            )
        self._replace(slot, "error", f"actor {message}", jobs)

    def _replace(self, slot: _Slot, failure: Literal["timeout", "error"], message: str, jobs: _Jobs) -> None:
        """Kill an actor, fail the job it was running, requeue its other jobs, start a fresh actor."""
        with contextlib.suppress(Exception):
            self._ray.kill(slot.actor, no_restart=True)
        self.restarts += 1
        if slot.jobs:
            index, _ = slot.jobs.popleft()
            jobs.fail(index, failure, message, self.timeout_s)
            jobs.queue.extendleft(reversed([job_index for job_index, _ in slot.jobs]))
        self._slots[self._slots.index(slot)] = self._new_slot()

    # ------------------------------------------------------------------------------------------------ helpers
    generate = WorkerPool.generate  # both only call self.run
    verify = WorkerPool.verify
