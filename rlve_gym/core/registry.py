"""The task registry: the built-in catalogue (`rlve_gym.envs.CATALOGUE`, imported lazily) plus tasks that
users register with `register_task`.

Looking a task up imports only its own module, so `import rlve_gym` stays fast with hundreds of tasks.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import TypeVar

from rlve_gym.core.errors import TaskError, UnknownTaskError
from rlve_gym.core.suggest import closest_names
from rlve_gym.core.task import Task

_USER_TASKS: dict[str, type[Task]] = {}
_INSTANCES: dict[str, Task] = {}
_LOCK = threading.Lock()
_on_register: list[Callable[[str], None]] = []

TaskType = TypeVar("TaskType", bound=type[Task])


def _catalogue() -> dict[str, str]:
    from rlve_gym.envs import CATALOGUE

    return CATALOGUE


def builtin_task_names() -> list[str]:
    """Names of the built-in tasks, sorted."""
    return sorted(_catalogue())


def task_names(family: str | None = None) -> list[str]:
    """All registered task names (built-in and user), sorted; optionally only one family."""
    families = task_families()
    return sorted(name for name in families if family is None or families[name] == family)


def task_families() -> dict[str, str]:
    """Task name → family, without importing any task module."""
    families = {name: location.split(".", 1)[0] for name, location in _catalogue().items()}
    families.update({name: cls.family for name, cls in _USER_TASKS.items()})
    return families


def unknown_task(name: str) -> UnknownTaskError:
    """The error for an unknown task name, with the nearest names as suggestions."""
    names = task_families()
    close = closest_names(name, names)
    hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
    return UnknownTaskError(f"unknown task {name!r}{hint}; `rlve-gym list` shows all {len(names)} tasks")


def task_class(name: str) -> type[Task]:
    """The Task class registered under `name`."""
    if name in _USER_TASKS:
        return _USER_TASKS[name]
    location = _catalogue().get(name) if isinstance(name, str) else None
    if location is None:
        raise unknown_task(str(name))
    module = importlib.import_module(f"rlve_gym.envs.{location}")
    cls = getattr(module, name, None)
    if not (isinstance(cls, type) and issubclass(cls, Task)):
        raise TaskError(f"rlve_gym.envs.{location} defines no Task class named {name}")
    return cls


def get_task(name: str) -> Task:
    """The (shared, stateless) Task instance registered under `name`."""
    task = _INSTANCES.get(name)
    if task is None:
        cls = task_class(name)
        with _LOCK:
            task = _INSTANCES.setdefault(name, cls())
    return task


def register_task(cls: TaskType | None = None, *, replace: bool = False) -> TaskType | Callable[[TaskType], TaskType]:
    """Register a user Task class (usable as a decorator). It becomes available to `get_task`, the CLI, the batch
    API, curricula and Gymnasium (``gym.make("rlve/<name>-v0")``)."""

    def register(task_cls: TaskType) -> TaskType:
        if not (isinstance(task_cls, type) and issubclass(task_cls, Task)):
            raise TypeError(f"register_task expects a Task subclass, got {task_cls!r}")
        if getattr(task_cls, "__abstractmethods__", None):
            missing = ", ".join(sorted(task_cls.__abstractmethods__))
            raise TypeError(f"{task_cls.__name__} does not implement: {missing}")
        if not isinstance(getattr(task_cls, "family", None), str):
            raise TypeError(f"{task_cls.__name__} must set a `family` class attribute")
        task_cls.spec()  # the docstring is the spec: fail early when it is incomplete
        name = task_cls.name
        if not name.isidentifier():
            raise ValueError(f"task name must be a Python identifier, got {name!r}")
        taken = name in _catalogue() or (name in _USER_TASKS and _USER_TASKS[name] is not task_cls)
        if taken and not replace:
            raise ValueError(f"a task named {name!r} is already registered (pass replace=True to override)")
        with _LOCK:
            _USER_TASKS[name] = task_cls
            _INSTANCES.pop(name, None)
        for hook in _on_register:
            hook(name)
        return task_cls

    return register if cls is None else register(cls)


def user_tasks() -> dict[str, type[Task]]:
    """Tasks registered with `register_task` in this process (sent along to worker processes)."""
    return dict(_USER_TASKS)


def on_register(hook: Callable[[str], None]) -> None:
    """Call `hook(name)` whenever a user task is registered (used to add its Gymnasium id)."""
    _on_register.append(hook)
