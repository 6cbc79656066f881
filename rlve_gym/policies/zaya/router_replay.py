"""Router replay for MoE RL: the training forward reuses the experts chosen during rollout generation.

Why: a top-1 router flips its choice under tiny numeric or weight changes, and a flipped expert changes a token's
log-prob by far more than the policy update itself; the ZAYA1 report calls replay the most important MoE-specific RL
stability fix. With replay, the trainer's log-probs differ from the rollout's only through the weights.

Usage::

    with recording(model) as recorder:
        output = model.generate(input_ids, attention_mask=attention_mask, ...)
    record = recorder.record                      # RoutingRecord, one row per generated sequence

    with replaying(model, record) as replay:      # keep it open until backward has run
        logits = model(output, attention_mask=full_mask).logits
        loss.backward()
    replay.mismatch_fraction                      # share of replayed tokens the free router would route elsewhere

What is recorded: per MoE layer and position, the router class in 0..E (E = the skip slot) chosen by the free
router, i.e. ``argmax(softmax(logits) + balancing_biases)``, for every position the model processed: the
left-padded prompt at prefill, then one position per decode step (the last generated token is never fed back, so
it has no routing). A forward that starts from an empty cache starts a new record; cached steps append to it.

What is replayed: at every position the record covers, the router's chosen index is replaced by the recorded one
and its gate weight becomes the router's *current* softmax probability of that class (0 for skip, as upstream),
so gradients still reach the router. Positions the record does not cover (-1 entries, padding, positions past the
end) route freely.

Alignment: positions are matched per row by *real-token offset* (position minus that row's left padding), so the
training batch may be padded to a different width than the generation batch (TRL re-pads prompts). Rows are
matched by order: slice the record (`RoutingRecord.select`) exactly like the training batch. Padding-free packed
batches are not supported.

With a trainer: keep `record.expert_indices` and `record.left_padding` in the batch dict next to the token ids
(both split by row like any batch tensor) and rebuild `RoutingRecord(...)` from the rows of each micro-batch
right before its forward, e.g. inside TRL's per-chunk log-prob loop.

Limits: recording assumes greedy/sampled generation (beam search reorders the cache, not the record); only one of
`recording`/`replaying` may be active on a model at a time; with gradient checkpointing the routers rerun during
backward, so the `replaying` block must enclose `backward()`, one forward at a time.

Shape legend: B batch, S positions, L MoE layers, T = B·S tokens.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

import torch
from torch import nn
from transformers.models.zaya.modeling_zaya import ZayaRouter

from rlve_gym.policies.zaya.routing import (
    ROUTING_RULE_CHANGED,
    BackboneCall,
    RouterHooks,
    find_backbone,
    find_routers,
    routed_classes,
    routing_rule_violations,
)

NOT_RECORDED = -1
"""Entry of `RoutingRecord.expert_indices` for positions without recorded routing (they route freely)."""

_NEEDS_2D_MASK = (
    "router recording/replay needs the 2-D (batch, positions) attention mask to locate left padding; "
    "this forward got a prepared 4-D or per-layer mask"
)

_MAX_PENDING_CHUNKS = 256

_Tool = TypeVar("_Tool", bound=RouterHooks)

_ACTIVE_MODE: weakref.WeakKeyDictionary[nn.Module, str] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class RoutingRecord:
    """Recorded routing of a batch of sequences.

    `expert_indices` has shape (B, S, L), dtype int16: the router class (0..E, E = skip) per row, position and
    MoE layer, `NOT_RECORDED` where unknown. `left_padding` has shape (B,), int64: left padding of each row when it
    was recorded. Both are plain tensors, so they can travel inside a trainer's batch dict and be sliced by row.
    """

    expert_indices: torch.Tensor
    left_padding: torch.Tensor

    def __post_init__(self) -> None:
        if self.expert_indices.ndim != 3:
            shape = tuple(self.expert_indices.shape)
            raise ValueError(f"expert_indices must be (batch, positions, layers), got shape {shape}")
        if self.expert_indices.dtype != torch.int16:
            raise TypeError(f"expert_indices must be int16, got {self.expert_indices.dtype}")
        if self.left_padding.shape != self.expert_indices.shape[:1] or self.left_padding.dtype != torch.long:
            raise ValueError("left_padding must be an int64 tensor with one entry per row of expert_indices")

    @property
    def batch_size(self) -> int:
        """Number of rows (sequences)."""
        return self.expert_indices.shape[0]

    @property
    def seq_len(self) -> int:
        """Number of recorded positions (padding included)."""
        return self.expert_indices.shape[1]

    @property
    def num_layers(self) -> int:
        """Number of MoE layers."""
        return self.expert_indices.shape[2]

    def select(self, rows: slice | Sequence[int] | torch.Tensor) -> RoutingRecord:
        """The record of the given rows (a slice, index list or index tensor), in that order."""
        if isinstance(rows, slice):
            return RoutingRecord(self.expert_indices[rows], self.left_padding[rows])
        index = torch.as_tensor(rows, dtype=torch.long)
        return RoutingRecord(
            self.expert_indices[index.to(self.expert_indices.device)],
            self.left_padding[index.to(self.left_padding.device)],
        )

    def to(self, device: torch.device | str) -> RoutingRecord:
        """The same record on `device`."""
        return RoutingRecord(self.expert_indices.to(device), self.left_padding.to(device))

    @classmethod
    def cat(cls, records: Sequence[RoutingRecord]) -> RoutingRecord:
        """Rows of several records stacked in order; shorter records are extended with `NOT_RECORDED`."""
        if not records:
            raise ValueError("need at least one record")
        layers = {record.num_layers for record in records}
        if len(layers) != 1:
            raise ValueError(f"records cover different numbers of layers: {sorted(layers)}")
        width = max(record.seq_len for record in records)
        padded = [
            torch.nn.functional.pad(record.expert_indices, (0, 0, 0, width - record.seq_len), value=NOT_RECORDED)
            for record in records
        ]
        return cls(torch.cat(padded, dim=0), torch.cat([record.left_padding for record in records]))


@contextmanager
def _attached(model: nn.Module, mode: str, attach: Callable[[], _Tool]) -> Iterator[_Tool]:
    # Keyed by the backbone so a wrapper (DDP, PEFT) and the bare model count as the same model.
    backbone = find_backbone(model)
    active = _ACTIVE_MODE.get(backbone)
    if active is not None:
        raise RuntimeError(f"router {active} is already active on this model; finish it before starting {mode}")
    _ACTIVE_MODE[backbone] = mode
    try:
        tool = attach()
        try:
            yield tool
        finally:
            tool.detach()
    finally:
        _ACTIVE_MODE.pop(backbone, None)


class RoutingRecorder(RouterHooks):
    """Collects routing while attached (use `recording`); `records` holds one `RoutingRecord` per sequence batch."""

    def __init__(self, model: nn.Module):
        super().__init__(model)
        self._finished: list[RoutingRecord] = []
        self._chunks: list[torch.Tensor] = []
        self._left_padding: torch.Tensor | None = None
        self._expected_past = 0
        self._current: dict[int, torch.Tensor] | None = None
        self._rule_violations: torch.Tensor | None = None  # running count on the model's device

    def _close_segment(self) -> None:
        if self._chunks:
            assert self._left_padding is not None
            self._finished.append(RoutingRecord(torch.cat(self._chunks, dim=1), self._left_padding))
        self._chunks = []
        self._left_padding = None
        self._expected_past = 0

    def _on_start(self, call: BackboneCall) -> None:
        if call.past_length == 0:
            if call.left_padding is None:
                raise ValueError(_NEEDS_2D_MASK)
            self._close_segment()
            self._left_padding = call.left_padding
        elif self._left_padding is None or call.past_length != self._expected_past:
            raise RuntimeError(
                f"a forward continues a cache at position {call.past_length}, but the recorder saw "
                f"{self._expected_past} positions; start recording before the prefill"
            )
        elif call.batch_size != self._left_padding.shape[0]:
            raise RuntimeError("the batch size changed in the middle of a cached generation")
        self._current = {}

    def _on_router(self, router: ZayaRouter, inputs: tuple, output: tuple) -> None:
        if self._current is None:  # not inside a ZayaModel forward, e.g. a checkpoint recomputation
            return
        router_logits_TC, _, router_indices_TK, _ = output
        classes_T = routed_classes(router, router_logits_TC)
        # Checked lazily (when records are read) so that recording adds no device sync per decode step.
        violations = routing_rule_violations(router, classes_T, router_indices_TK)
        if self._rule_violations is None:
            self._rule_violations = violations
        else:
            self._rule_violations += violations
        self._current[router.layer_idx] = classes_T

    def _on_end(self) -> None:
        current, self._current = self._current, None
        if current is None:
            return
        if len(current) != len(self._routers):
            raise RuntimeError(f"recorded {len(current)} of {len(self._routers)} routers in one forward")
        if self._left_padding is None:
            raise RuntimeError("a ZayaModel forward ended that the recorder did not see start")
        stacked_TL = torch.stack([current[layer] for layer in range(len(self._routers))], dim=-1)
        chunk_BSL = stacked_TL.view(self._left_padding.shape[0], -1, len(self._routers)).to(torch.int16)
        self._chunks.append(chunk_BSL)
        self._expected_past += chunk_BSL.shape[1]
        if len(self._chunks) >= _MAX_PENDING_CHUNKS:  # one chunk per decode step: keep the tensor count bounded
            self._chunks = [torch.cat(self._chunks, dim=1)]

    @property
    def records(self) -> list[RoutingRecord]:
        """Every record so far, oldest first (the one in progress included)."""
        if self._rule_violations is not None and int(self._rule_violations) > 0:
            raise RuntimeError(ROUTING_RULE_CHANGED)
        in_progress = []
        if self._chunks:
            assert self._left_padding is not None
            in_progress = [RoutingRecord(torch.cat(self._chunks, dim=1), self._left_padding)]
        return [*self._finished, *in_progress]

    @property
    def record(self) -> RoutingRecord:
        """The only record (one `generate` call); raises if there were none or several."""
        records = self.records
        if len(records) != 1:
            raise RuntimeError(
                f"expected one recorded generation, found {len(records)}; use .records (and RoutingRecord.cat)"
            )
        return records[0]


@contextmanager
def recording(model: nn.Module) -> Iterator[RoutingRecorder]:
    """Record the routing of every forward inside the block (typically one `model.generate` call); the records
    stay readable after the block."""
    with _attached(model, "recording", lambda: RoutingRecorder(model)) as recorder:
        yield recorder


class RoutingReplayer(RouterHooks):
    """Forces recorded routing while attached (use `replaying`)."""

    def __init__(self, model: nn.Module, record: RoutingRecord):
        routers = find_routers(model)  # validate before any hook is attached
        if record.num_layers != len(routers):
            raise ValueError(f"record covers {record.num_layers} layers, the model has {len(routers)}")
        if record.expert_indices.numel() and int(record.expert_indices.max()) > routers[0].num_experts:
            raise ValueError("record contains expert indices beyond this model's router classes")
        self._record = record
        self._forced_BSL: torch.Tensor | None = None
        self._seen_layers: set[int] = set()
        # Running counts kept on the model's device; read (and synced) only when asked for.
        self._replayed_count: torch.Tensor | int = 0
        self._changed_count: torch.Tensor | int = 0
        super().__init__(model)

    def _on_start(self, call: BackboneCall) -> None:
        record = self._record
        if call.left_padding is None:
            raise ValueError(_NEEDS_2D_MASK)
        if call.batch_size != record.batch_size:
            raise ValueError(
                f"the forward has {call.batch_size} rows but the record has {record.batch_size}; "
                "slice the record like the batch (RoutingRecord.select)"
            )
        device = call.left_padding.device
        recorded_BSL = record.expert_indices.to(device)
        positions_BS = call.past_length + torch.arange(call.seq_len, device=device).expand(call.batch_size, -1)
        real_offset_BS = positions_BS - call.left_padding[:, None]
        source_BS = real_offset_BS + record.left_padding.to(device)[:, None]
        valid_BS = (real_offset_BS >= 0) & (source_BS < record.seq_len)
        gather_index_BSL = source_BS.clamp(0, record.seq_len - 1)[..., None].expand(-1, -1, record.num_layers)
        forced_BSL = recorded_BSL.gather(1, gather_index_BSL).to(torch.long)
        self._forced_BSL = forced_BSL.masked_fill(~valid_BS[..., None], NOT_RECORDED)
        self._seen_layers = set()

    def _on_router(self, router: ZayaRouter, inputs: tuple, output: tuple) -> tuple | None:
        if self._forced_BSL is None:
            raise RuntimeError("a ZayaRouter ran outside a ZayaModel forward while replaying")
        router_logits_TC, router_probs_TK, router_indices_TK, router_state = output
        forced_T = self._forced_BSL[..., router.layer_idx].reshape(-1)
        if forced_T.shape[0] != router_logits_TC.shape[0]:
            raise RuntimeError("router token count does not match the forward being replayed")
        replayed_T = forced_T != NOT_RECORDED
        chosen_T = forced_T.clamp_min(0)
        skip_T = chosen_T == router.num_experts
        # Same gate as upstream: the chosen class's unbiased probability, zero (and index 0) for the skip slot.
        probs_TC = torch.softmax(router_logits_TC, dim=-1)
        forced_probs_TK = probs_TC.gather(1, chosen_T[:, None]).masked_fill(skip_T[:, None], 0)
        forced_indices_TK = chosen_T.masked_fill(skip_T, 0)[:, None]
        new_probs_TK = torch.where(replayed_T[:, None], forced_probs_TK.to(router_probs_TK.dtype), router_probs_TK)
        new_indices_TK = torch.where(replayed_T[:, None], forced_indices_TK, router_indices_TK)
        if router.layer_idx not in self._seen_layers:  # a checkpoint recomputation must not count twice
            self._seen_layers.add(router.layer_idx)
            free_T = routed_classes(router, router_logits_TC)
            self._replayed_count = self._replayed_count + replayed_T.sum()
            self._changed_count = self._changed_count + (replayed_T & (free_T != chosen_T)).sum()
        return router_logits_TC, new_probs_TK, new_indices_TK, router_state

    @property
    def replayed_tokens(self) -> int:
        """Token-layer routing decisions replayed so far."""
        return int(self._replayed_count)

    @property
    def mismatch_fraction(self) -> float:
        """Share of replayed token-layer decisions where the free router would have chosen differently
        (how far routing drifted since the rollout); 0.0 when nothing was replayed."""
        replayed = self.replayed_tokens
        return int(self._changed_count) / replayed if replayed else 0.0


@contextmanager
def replaying(model: nn.Module, record: RoutingRecord) -> Iterator[RoutingReplayer]:
    """Replay `record` in every forward inside the block (rows matched to the forward's batch rows)."""
    with _attached(model, "replaying", lambda: RoutingReplayer(model, record)) as replayer:
        yield replayer
