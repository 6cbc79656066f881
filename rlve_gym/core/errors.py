"""Exceptions of the task contract."""


class TaskError(Exception):
    """A task was misused or misdefined (bad difficulty, bad seed, a generator bug)."""


class UnknownTaskError(TaskError, KeyError):
    """A task name is not in the registry; the message suggests the nearest names."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else ""


class AnswerFormatError(ValueError):
    """An extracted answer could not be parsed into the shape the task expects (reward: wrong format)."""
