"""Shared plumbing for reading and steering ZAYA1's routers through forward hooks.

transformers' `ZayaRouter.forward` returns ``(router_logits_TC, router_probs_TK, router_indices_TK, router_state)``
where T = batch·seq tokens, C = num_experts + 1 router classes (the last one is the MoD "skip" slot) and K = 1
(top-1). It picks ``argmax_c(softmax(logits)_c + balancing_biases_c)`` and gates the chosen expert by its
*unbiased* probability; when the skip slot wins it rewrites the pair to (expert 0, weight 0), so the returned
indices alone cannot tell a skip from expert 0. `routed_classes` therefore recomputes the full choice (0..E, with E
= skip) from the logits and checks it against the router's own answer.

`BackboneWatcher` reads, before each `ZayaModel` forward, what the routers cannot see: the 2-D attention mask
(left padding) and how many positions the cache already holds.

Shape legend: B batch, S sequence positions, T = B·S tokens, C router classes (E experts + skip), L MoE layers.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import nn
from transformers.models.zaya.modeling_zaya import ZayaModel, ZayaRouter


def find_routers(model: nn.Module) -> list[ZayaRouter]:
    """All `ZayaRouter` modules of `model` ordered by layer; raises if there are none or layers repeat."""
    routers = sorted((m for m in model.modules() if isinstance(m, ZayaRouter)), key=lambda router: router.layer_idx)
    if not routers:
        raise ValueError(f"{type(model).__name__} contains no ZayaRouter; router tools need a ZAYA model")
    layer_ids = [router.layer_idx for router in routers]
    if layer_ids != list(range(len(routers))):
        raise ValueError(f"expected ZayaRouter layers 0..{len(routers) - 1}, found {layer_ids}")
    for router in routers:
        if router.top_k != 1:
            raise ValueError(f"router replay and balancing support top-1 routing only, got top_k={router.top_k}")
    return routers


def find_backbone(model: nn.Module) -> ZayaModel:
    """The single `ZayaModel` inside `model` (works through wrappers such as DDP or PEFT)."""
    backbones = [m for m in model.modules() if isinstance(m, ZayaModel)]
    if len(backbones) != 1:
        raise ValueError(f"expected exactly one ZayaModel inside {type(model).__name__}, found {len(backbones)}")
    return backbones[0]


@torch.no_grad()
def routed_classes(router: ZayaRouter, router_logits_TC: torch.Tensor) -> torch.Tensor:
    """The class each token's router picks freely, in 0..E (E = the skip slot), as int64 of shape (T,)."""
    probs_TC = torch.softmax(router_logits_TC, dim=-1).to(torch.float32) + router.balancing_biases
    return torch.topk(probs_TC, 1, dim=-1).indices[:, 0]


def routing_rule_violations(
    router: ZayaRouter, classes_T: torch.Tensor, router_indices_TK: torch.Tensor
) -> torch.Tensor:
    """Number of tokens (a 0-d tensor, so no device sync) where our recomputed choice disagrees with the router's
    own; anything but zero means the upstream routing rule changed."""
    chosen_expert_T = classes_T < router.num_experts
    return (chosen_expert_T & (classes_T != router_indices_TK[:, 0])).sum()


ROUTING_RULE_CHANGED = (
    "ZayaRouter no longer picks argmax(softmax(logits) + balancing_biases); rlve_gym's router tools need updating "
    "for this transformers version"
)


def leading_padding(attention_mask_BS: torch.Tensor | None, batch_size: int, device: torch.device) -> torch.Tensor:
    """Number of left-padding positions per row (0 without a mask), int64 of shape (B,)."""
    if attention_mask_BS is None:
        return torch.zeros(batch_size, dtype=torch.long, device=device)
    real_BS = attention_mask_BS != 0
    # argmax returns the first maximum: the first real position; an all-padding row counts as fully padded.
    first_real_B = real_BS.to(torch.int8).argmax(dim=1)
    return torch.where(real_BS.any(dim=1), first_real_B, attention_mask_BS.shape[1]).to(torch.long)


@dataclass(frozen=True)
class BackboneCall:
    """What one `ZayaModel` forward is about to process."""

    batch_size: int
    seq_len: int
    past_length: int
    """Positions already in the cache (0 for a fresh forward or prefill)."""
    left_padding: torch.Tensor | None
    """(B,) int64: leading padding per row, counted from the first cached position (None: unknown, because the
    forward got a prepared 4-D or per-layer mask instead of the 2-D padding mask)."""
    real_tokens: torch.Tensor | None
    """(B, S) bool: which of this forward's positions are real tokens (None: all of them, or unknown)."""


_FORWARD_SIGNATURE = inspect.signature(ZayaModel.forward)


def _describe_call(args: tuple, kwargs: dict) -> BackboneCall:
    bound = _FORWARD_SIGNATURE.bind_partial(None, *args, **kwargs).arguments
    inputs = bound.get("input_ids")
    if inputs is None:
        inputs = bound.get("inputs_embeds")
    if inputs is None:
        raise ValueError("ZayaModel was called without input_ids or inputs_embeds")
    extra = bound.get("kwargs", {})
    cache = bound.get("cache")
    if cache is None:
        cache = extra.get("past_key_values")
    past_length = int(cache.get_seq_length()) if cache is not None else 0
    batch_size, seq_len = inputs.shape[0], inputs.shape[1]
    mask = bound.get("attention_mask")
    if isinstance(mask, dict):
        # A prepared per-layer mask mapping: its "conv" entry is the 2-D padding mask of this forward's positions
        # (None when nothing is padded), which covers the whole sequence only when no cache precedes it.
        conv_mask = mask.get("conv")
        real_tokens = None if conv_mask is None else conv_mask != 0
        left_padding = leading_padding(conv_mask, batch_size, inputs.device) if past_length == 0 else None
    elif mask is None or (isinstance(mask, torch.Tensor) and mask.ndim == 2):
        real_tokens = None if mask is None else mask[:, -seq_len:] != 0
        left_padding = leading_padding(mask, batch_size, inputs.device)
    else:
        real_tokens, left_padding = None, None
    return BackboneCall(
        batch_size=batch_size,
        seq_len=seq_len,
        past_length=past_length,
        left_padding=left_padding,
        real_tokens=real_tokens,
    )


class BackboneWatcher:
    """Calls `on_start(call)` before and `on_end()` after every forward of the model's `ZayaModel`."""

    def __init__(self, model: nn.Module, on_start: Callable[[BackboneCall], None], on_end: Callable[[], None]):
        backbone = find_backbone(model)

        def pre_hook(module: nn.Module, args: tuple, kwargs: dict) -> None:
            on_start(_describe_call(args, kwargs))

        def post_hook(module: nn.Module, args: tuple, kwargs: dict, output: object) -> None:
            on_end()

        self._handles = [
            backbone.register_forward_pre_hook(pre_hook, with_kwargs=True),
            backbone.register_forward_hook(post_hook, with_kwargs=True),
        ]

    def remove(self) -> None:
        """Detach the hooks."""
        for handle in self._handles:
            handle.remove()
        self._handles = []


class RouterHooks:
    """Base of the tools that watch every router and the backbone forward; `detach()` removes all their hooks.
    Subclasses override `_on_start`, `_on_router` (returning a replacement router output, or None) and `_on_end`."""

    def __init__(self, model: nn.Module):
        self._routers = find_routers(model)
        self._router_handles = [router.register_forward_hook(self._on_router) for router in self._routers]
        self._watcher = BackboneWatcher(model, self._on_start, self._on_end)

    def _on_start(self, call: BackboneCall) -> None:
        """Called before every backbone forward."""

    def _on_router(self, router: ZayaRouter, inputs: tuple, output: tuple) -> tuple | None:
        """Called after every router forward."""
        return None

    def _on_end(self) -> None:
        """Called after every backbone forward."""

    def detach(self) -> None:
        """Remove the hooks."""
        for handle in self._router_handles:
            handle.remove()
        self._router_handles = []
        self._watcher.remove()
