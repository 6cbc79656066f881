"""Triton kernels for the ZAYA1 policy, with eager PyTorch fallbacks."""
