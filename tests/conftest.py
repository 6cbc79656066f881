"""Shared test configuration: offline, Hypothesis profiles."""

import os

# One BLAS/OpenMP thread per test process: pytest-xdist already uses every core, and oversubscribed torch threads
# make tiny-model tests many times slower.
os.environ.setdefault("OMP_NUM_THREADS", "1")

# Kernel tests run Triton's interpreter on the CPU; it must be chosen before triton is first imported.
try:
    import torch

    if not torch.cuda.is_available():
        os.environ.setdefault("TRITON_INTERPRET", "1")
except ImportError:
    pass

from hypothesis import settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
