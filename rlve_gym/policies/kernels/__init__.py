"""Triton kernels for the ZAYA1 policy, with eager PyTorch fallbacks."""

from .cca import install_cca_kernels, uninstall_cca_kernels

__all__ = ["install_cca_kernels", "uninstall_cca_kernels"]
