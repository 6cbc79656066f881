"""Router replay: the training forward reproduces the rollout's log-probs even after routing would change."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import pytest
import torch

from rlve_gym.policies.zaya import NOT_RECORDED, RoutingRecord, load_policy, recording, replaying
from rlve_gym.policies.zaya.routing import find_routers

PROMPTS = ["What is 12+7?", "Sort these: 3 1 2", "hi"]
NEW_TOKENS = 6


@pytest.fixture
def policy():
    loaded = load_policy("tiny", seed=1)
    # Larger expert weights than the default init so that a different expert visibly changes the log-probs.
    with torch.no_grad():
        for layer in loaded.model.model.layers:
            layer.mlp.experts.gate_up_proj.mul_(20.0)
            layer.mlp.experts.down_proj.mul_(20.0)
    return loaded


def _rollout(model, tokenizer, prompts=PROMPTS):
    batch = tokenizer(prompts, padding=True, return_tensors="pt")
    with recording(model) as recorder, torch.no_grad():
        output = model.generate(
            **batch,
            max_new_tokens=NEW_TOKENS,
            do_sample=False,
            eos_token_id=None,
            output_logits=True,
            return_dict_in_generate=True,
        )
    completion = output.sequences[:, batch.input_ids.shape[1] :]
    logits = torch.stack(output.logits, dim=1)
    rollout_logps = logits.log_softmax(-1).gather(2, completion[..., None])[..., 0]
    attention_mask = torch.cat([batch.attention_mask, torch.ones_like(completion)], dim=1)
    return output.sequences, attention_mask, completion, rollout_logps, recorder.record


def _training_logps(model, sequences, attention_mask, completion):
    logits = model(sequences, attention_mask=attention_mask).logits
    return logits[:, -completion.shape[1] - 1 : -1].log_softmax(-1).gather(2, completion[..., None])[..., 0]


def _recorded_real_decisions(record):
    """Token-layer decisions a full training forward replays: every recorded non-padding position (padding and the
    never-fed last token route freely)."""
    real_positions = record.batch_size * record.seq_len - int(record.left_padding.sum())
    return real_positions * record.num_layers


def _perturb_biases(model):
    """Change only the balancing biases: the free choice changes, the gate probabilities do not."""
    with torch.no_grad():
        for router in find_routers(model):
            router.balancing_biases[:-1] = torch.linspace(0.3, -0.3, router.num_experts)


def test_record_covers_every_fed_position(policy):
    sequences, _, _, _, record = _rollout(policy.model, policy.tokenizer)
    # The last generated token is never fed back, so it has no routing.
    assert record.expert_indices.shape == (3, sequences.shape[1] - 1, policy.model.config.num_hidden_layers)
    prompt_mask = policy.tokenizer(PROMPTS, padding=True).attention_mask
    assert record.left_padding.tolist() == [row.index(1) for row in prompt_mask]
    assert record.left_padding.max() > 0
    assert (record.expert_indices >= 0).all()
    assert (record.expert_indices <= policy.model.config.num_experts).all()


def test_replayed_logprobs_equal_rollout_after_routing_changed(policy):
    model = policy.model
    sequences, attention_mask, completion, rollout_logps, record = _rollout(model, policy.tokenizer)
    with torch.no_grad():
        torch.testing.assert_close(
            _training_logps(model, sequences, attention_mask, completion), rollout_logps, rtol=0, atol=1e-5
        )
        _perturb_biases(model)
        free_logps = _training_logps(model, sequences, attention_mask, completion)
        with replaying(model, record) as replay:
            replayed_logps = _training_logps(model, sequences, attention_mask, completion)
    assert (free_logps - rollout_logps).abs().max() > 1e-2
    torch.testing.assert_close(replayed_logps, rollout_logps, rtol=0, atol=1e-5)
    assert replay.mismatch_fraction > 0.3
    assert replay.replayed_tokens == _recorded_real_decisions(record)


def test_replay_survives_repadding_and_row_selection(policy):
    model = policy.model
    sequences, attention_mask, completion, rollout_logps, record = _rollout(model, policy.tokenizer)
    _perturb_biases(model)
    extra_padding = torch.zeros(3, 2, dtype=torch.long)
    wider_sequences = torch.cat([extra_padding, sequences], dim=1)
    wider_mask = torch.cat([extra_padding, attention_mask], dim=1)
    rows = [2, 0]
    with torch.no_grad():
        with replaying(model, record):
            repadded = _training_logps(model, wider_sequences, wider_mask, completion)
        with replaying(model, record.select(rows)):
            selected = _training_logps(model, sequences[rows], attention_mask[rows], completion[rows])
        with replaying(model, record.select(slice(1, 3))):
            sliced = _training_logps(model, sequences[1:3], attention_mask[1:3], completion[1:3])
    torch.testing.assert_close(repadded, rollout_logps, rtol=0, atol=1e-5)
    torch.testing.assert_close(selected, rollout_logps[rows], rtol=0, atol=1e-5)
    torch.testing.assert_close(sliced, rollout_logps[1:3], rtol=0, atol=1e-5)


def test_replay_handles_the_skip_slot(policy):
    model = policy.model
    with torch.no_grad():
        for router in find_routers(model):
            router.balancing_biases[-1] = 0.0  # now the skip class wins for some tokens
    sequences, attention_mask, completion, rollout_logps, record = _rollout(model, policy.tokenizer)
    assert (record.expert_indices == model.config.num_experts).any()
    assert (record.expert_indices < model.config.num_experts).any()
    with torch.no_grad():
        for router in find_routers(model):
            router.balancing_biases[-1] = -1.0  # skip becomes unreachable for free routing
        with replaying(model, record):
            replayed = _training_logps(model, sequences, attention_mask, completion)
    torch.testing.assert_close(replayed, rollout_logps, rtol=0, atol=1e-5)


def test_replay_gradients_reach_router_and_match_with_checkpointing(policy):
    model = policy.model
    sequences, attention_mask, completion, _, record = _rollout(model, policy.tokenizer)
    _perturb_biases(model)
    model.train()
    router_calls = []
    counter = find_routers(model)[0].register_forward_hook(lambda *_: router_calls.append(1))
    gradients = []
    for checkpointing in (False, True):
        if checkpointing:
            model.activation_checkpointing_enable({"use_reentrant": False})
        model.zero_grad()
        router_calls.clear()
        with replaying(model, record) as replay:
            _training_logps(model, sequences, attention_mask, completion).sum().backward()
        # With checkpointing the routers run again during backward, and must replay there too.
        assert len(router_calls) == (2 if checkpointing else 1)
        gradients.append({name: p.grad.clone() for name, p in model.named_parameters() if p.grad is not None})
        assert replay.replayed_tokens == _recorded_real_decisions(record)  # recomputation is not counted twice
    model.activation_checkpointing_disable()
    counter.remove()
    router_weight = "model.layers.0.mlp.gate.router_mlp.out_proj.weight"
    assert gradients[0][router_weight].abs().sum() > 0
    assert gradients[0].keys() == gradients[1].keys()
    for name, gradient in gradients[0].items():
        torch.testing.assert_close(gradients[1][name], gradient, rtol=1e-4, atol=1e-7, msg=name)


def test_positions_without_record_route_freely(policy):
    model = policy.model
    sequences, attention_mask, completion, _, record = _rollout(model, policy.tokenizer)
    _perturb_biases(model)
    blank = RoutingRecord(torch.full_like(record.expert_indices, NOT_RECORDED), record.left_padding)
    with torch.no_grad():
        free = _training_logps(model, sequences, attention_mask, completion)
        with replaying(model, blank) as replay:
            replayed = _training_logps(model, sequences, attention_mask, completion)
    assert torch.equal(free, replayed)
    assert replay.replayed_tokens == 0 and replay.mismatch_fraction == 0.0


def test_each_generation_is_its_own_record_and_records_concatenate(policy):
    model, tokenizer = policy.model, policy.tokenizer
    with recording(model) as recorder, torch.no_grad():
        for prompts in (PROMPTS, ["a much longer prompt than before"]):
            batch = tokenizer(prompts, padding=True, return_tensors="pt")
            model.generate(**batch, max_new_tokens=3, do_sample=False, eos_token_id=None)
    first, second = recorder.records
    assert (first.batch_size, second.batch_size) == (3, 1)
    with pytest.raises(RuntimeError, match="found 2"):
        _ = recorder.record
    joined = RoutingRecord.cat([first, second])
    assert joined.batch_size == 4 and joined.seq_len == max(first.seq_len, second.seq_len)
    assert torch.equal(joined.select([3]).expert_indices[0, : second.seq_len], second.expert_indices[0])
    assert (joined.expert_indices[:3, first.seq_len :] == NOT_RECORDED).all()


def test_misuse_gives_clear_errors(policy):
    model = policy.model
    sequences, attention_mask, _, _, record = _rollout(model, policy.tokenizer)
    with replaying(model, record), pytest.raises(ValueError, match="slice the record"):
        model(sequences[:2], attention_mask=attention_mask[:2])
    with replaying(model, record), pytest.raises(RuntimeError, match="already active"), recording(model):
        pass
    with pytest.raises(ValueError, match="layers"):
        replaying(model, RoutingRecord(record.expert_indices[..., :1].contiguous(), record.left_padding)).__enter__()
    with pytest.raises(TypeError, match="int16"):
        RoutingRecord(record.expert_indices.long(), record.left_padding)
    # The model is usable again after every failure above.
    with replaying(model, record), torch.no_grad():
        model(sequences, attention_mask=attention_mask)


def test_prepared_mask_mapping_is_understood(policy):
    model, tokenizer = policy.model, policy.tokenizer
    batch = tokenizer(PROMPTS, padding=True, return_tensors="pt")
    embeddings = model.get_input_embeddings()(batch.input_ids)
    mapping = model.create_masks_for_generate(model.config, embeddings, batch.attention_mask, cache=None)
    with recording(model) as recorder, torch.no_grad():
        model(batch.input_ids, attention_mask=mapping)
    assert recorder.record.left_padding.tolist() == [row.index(1) for row in batch.attention_mask.tolist()]
    four_d = mapping["hybrid"]
    assert isinstance(four_d, torch.Tensor) and four_d.ndim == 4
    with replaying(model, recorder.record), pytest.raises(ValueError, match="2-D"):
        model(batch.input_ids, attention_mask=four_d)


def test_recorder_notices_if_the_routing_rule_changes(policy, monkeypatch):
    from rlve_gym.policies.zaya import router_replay, routing

    def shifted_choice(router, router_logits_TC):
        return (routing.routed_classes(router, router_logits_TC) + 1) % router.num_experts

    monkeypatch.setattr(router_replay, "routed_classes", shifted_choice)
    batch = policy.tokenizer(PROMPTS, padding=True, return_tensors="pt")
    with recording(policy.model) as recorder, torch.no_grad():
        policy.model(**batch)
    with pytest.raises(RuntimeError, match="no longer picks"):
        _ = recorder.records


def test_long_generations_are_compacted_without_changing_the_record(policy, monkeypatch):
    from rlve_gym.policies.zaya import router_replay

    *_, plain = _rollout(policy.model, policy.tokenizer)
    monkeypatch.setattr(router_replay, "_MAX_PENDING_CHUNKS", 2)
    *_, compacted = _rollout(policy.model, policy.tokenizer)
    assert torch.equal(plain.expert_indices, compacted.expert_indices)
    assert torch.equal(plain.left_padding, compacted.left_padding)
