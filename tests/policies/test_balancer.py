"""Bias balancer: drives a skewed router toward uniform expert load, in PID and optimizer modes."""

from __future__ import annotations

import math
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import pytest
import torch

from rlve_gym.policies.zaya import BalancerConfig, BiasBalancer, load_policy, recording
from rlve_gym.policies.zaya.routing import find_routers

VOCAB_LOW, VOCAB_HIGH = 3, 1000


def _skewed_model(seed: int = 2, favoured_class: int | None = 0):
    """Tiny ZAYA whose routers send almost every token to `favoured_class`, with enough per-token variation that
    biases can spread the load (router weights scaled up, the favoured logit row shifted)."""
    model = load_policy("tiny", seed=seed).model
    with torch.no_grad():
        for router in find_routers(model):
            router.router_mlp.fc1.weight.mul_(10)
            router.router_mlp.fc2.weight.mul_(10)
            router.router_mlp.out_proj.weight.mul_(30)
            if favoured_class is not None:
                router.router_mlp.out_proj.weight[favoured_class] += 1.0
    return model


def _load_entropies(model, input_ids) -> list[float]:
    """Normalized expert-load entropy per layer, H(p)/ln E, measured independently of the balancer."""
    with recording(model) as recorder, torch.no_grad():
        model(input_ids)
    classes_BSL = recorder.record.expert_indices.long()
    num_experts = model.config.num_experts
    entropies = []
    for layer in range(classes_BSL.shape[-1]):
        counts = torch.bincount(classes_BSL[..., layer].flatten(), minlength=num_experts + 1)[:num_experts]
        load = counts.double() / counts.sum()
        load = load[load > 0]
        entropies.append(float(-(load * load.log()).sum()) / math.log(num_experts))
    return entropies


def _skip_shares(model, input_ids) -> list[float]:
    """Share of tokens routed to the skip slot per layer."""
    with recording(model) as recorder, torch.no_grad():
        model(input_ids)
    classes_BSL = recorder.record.expert_indices.long()
    skip = classes_BSL == model.config.num_experts
    return [float(skip[..., layer].float().mean()) for layer in range(classes_BSL.shape[-1])]


def _train_steps(model, balancer, generator, steps, batch=(8, 16)):
    metrics = {}
    model.train()
    for _ in range(steps):
        with torch.no_grad():
            model(torch.randint(VOCAB_LOW, VOCAB_HIGH, batch, generator=generator))
        metrics = balancer.step()
    model.eval()
    return metrics


@pytest.mark.parametrize(
    "config",
    [
        BalancerConfig(mode="pid", ki=0.05),
        BalancerConfig(mode="pid", kp=0.02, ki=0.05, kd=0.01, integral_limit=50.0),
        BalancerConfig(mode="optimizer", lr=0.02),
    ],
    ids=["pid-integral", "pid-full", "adamw"],
)
def test_balancer_spreads_a_skewed_load(config):
    model = _skewed_model()
    generator = torch.Generator().manual_seed(0)
    evaluation_ids = torch.randint(VOCAB_LOW, VOCAB_HIGH, (32, 16), generator=generator)
    before = _load_entropies(model, evaluation_ids)
    assert max(before) < 0.4
    balancer = BiasBalancer(model, config)
    metrics = _train_steps(model, balancer, generator, steps=60)
    after = _load_entropies(model, evaluation_ids)
    for layer_before, layer_after in zip(before, after, strict=True):
        assert layer_after > layer_before + 0.4 and layer_after > 0.75, (before, after)
    assert 0 < metrics["balancer/load_entropy"] <= 1
    assert metrics["balancer/max_load"] < 0.9
    for layer in range(model.config.num_hidden_layers):
        assert metrics[f"balancer/layer_{layer}/bias_norm"] > 0
        assert metrics[f"balancer/layer_{layer}/skip_share"] == 0.0
    # Overloaded expert 0 was pushed down relative to the others.
    for router in find_routers(model):
        assert router.balancing_biases[0] < router.balancing_biases[1 : router.num_experts].min()
    assert balancer.steps == 60


def test_zero_gains_leave_biases_unchanged():
    model = _skewed_model()
    initial = [router.balancing_biases.clone() for router in find_routers(model)]
    balancer = BiasBalancer(model, BalancerConfig(mode="pid", kp=0.0, ki=0.0, kd=0.0))
    metrics = _train_steps(model, balancer, torch.Generator().manual_seed(0), steps=5)
    assert metrics["balancer/max_load"] > 0.8  # routing was skewed, so the error was far from zero
    for router, biases in zip(find_routers(model), initial, strict=True):
        assert torch.equal(router.balancing_biases, biases)


def test_biases_do_not_touch_the_loss_graph():
    model = _skewed_model()
    balancer = BiasBalancer(model, BalancerConfig(mode="optimizer", lr=0.05))
    model.train()
    ids = torch.randint(VOCAB_LOW, VOCAB_HIGH, (4, 8), generator=torch.Generator().manual_seed(1))
    model(ids, labels=ids).loss.backward()
    balancer.step()
    for router in find_routers(model):
        assert not router.balancing_biases.requires_grad and router.balancing_biases.grad is None
        assert router.balancing_biases.dtype == torch.float32


def _model_that_skips(seed: int):
    model = _skewed_model(seed=seed, favoured_class=None)
    with torch.no_grad():
        for router in find_routers(model):
            router.balancing_biases[-1] = 0.0  # upstream's -1 makes skip unreachable; at 0 it wins for many tokens
    return model


def test_skip_slot_bias_is_frozen_by_default():
    model = _model_that_skips(seed=3)
    balancer = BiasBalancer(model, BalancerConfig(mode="pid", ki=0.05))
    generator = torch.Generator().manual_seed(3)
    first = _train_steps(model, balancer, generator, steps=1)
    assert first["balancer/layer_0/skip_share"] > 0.1
    _train_steps(model, balancer, generator, steps=10)
    for router in find_routers(model):
        assert router.balancing_biases[-1] == 0.0
        assert router.balancing_biases[:-1].abs().sum() > 0


def test_skip_slot_can_be_driven_to_a_target_share():
    model = _model_that_skips(seed=3)
    generator = torch.Generator().manual_seed(3)
    evaluation_ids = torch.randint(VOCAB_LOW, VOCAB_HIGH, (32, 16), generator=generator)
    before = _skip_shares(model, evaluation_ids)
    assert min(before) > 0.1
    balancer = BiasBalancer(model, BalancerConfig(mode="pid", ki=0.1, skip_target_share=0.0))
    _train_steps(model, balancer, generator, steps=30)
    after = _skip_shares(model, evaluation_ids)
    assert all(router.balancing_biases[-1] < 0.0 for router in find_routers(model))
    for layer_before, layer_after in zip(before, after, strict=True):
        assert layer_after < layer_before / 3, (before, after)


def test_counts_only_real_tokens_of_training_forwards():
    model = load_policy("tiny").model
    balancer = BiasBalancer(model, BalancerConfig())
    ids = torch.randint(VOCAB_LOW, VOCAB_HIGH, (2, 6), generator=torch.Generator().manual_seed(0))
    mask = torch.tensor([[0, 0, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1]])
    with torch.no_grad():
        model.eval()
        model(ids, attention_mask=mask)
        assert balancer.pending_tokens == 0
        model.train()
        model(ids, attention_mask=mask)
        assert balancer.pending_tokens == 10
        model(ids)  # counts accumulate over forwards until step()
        assert balancer.pending_tokens == 22
    assert balancer.step() and balancer.pending_tokens == 0
    assert balancer.step() == {}  # nothing counted: no update, no metrics
    balancer.detach()

    eval_counting = BiasBalancer(model, BalancerConfig(count_eval_forwards=True))
    model.eval()
    with torch.no_grad():
        model(ids, attention_mask=mask)
    assert eval_counting.pending_tokens == 10


@pytest.mark.parametrize("mode", ["pid", "optimizer"])
def test_state_dict_resumes_identically(mode):
    config = BalancerConfig(mode=mode, kp=0.02, ki=0.05, kd=0.01, lr=0.02)
    original_model, resumed_model = _skewed_model(), _skewed_model()
    original = BiasBalancer(original_model, config)
    _train_steps(original_model, original, torch.Generator().manual_seed(5), steps=3)
    resumed_model.load_state_dict(original_model.state_dict())
    resumed = BiasBalancer(resumed_model, config)
    resumed.load_state_dict(original.state_dict())
    _train_steps(original_model, original, torch.Generator().manual_seed(6), steps=3)
    _train_steps(resumed_model, resumed, torch.Generator().manual_seed(6), steps=3)
    for first, second in zip(find_routers(original_model), find_routers(resumed_model), strict=True):
        torch.testing.assert_close(first.balancing_biases, second.balancing_biases, rtol=0, atol=1e-7)
    assert resumed.steps == original.steps == 6


def test_config_validation():
    with pytest.raises(ValueError, match="mode"):
        BalancerConfig(mode="pd")
    with pytest.raises(ValueError, match="ki"):
        BalancerConfig(ki=-1.0)
    with pytest.raises(ValueError, match="skip_target_share"):
        BalancerConfig(skip_target_share=1.0)
    with pytest.raises(ValueError, match=r"'kpp'.*did you mean 'kp'"):
        BalancerConfig.from_mapping({"kpp": 0.1})
    assert BalancerConfig.from_mapping({"mode": "optimizer", "betas": [0.8, 0.9]}).betas == (0.8, 0.9)
