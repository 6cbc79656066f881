"""load_policy(kernels="triton") with the real Triton kernels (Triton's interpreter on CPU) gives the same logits,
generations and gradients as the eager model."""

from __future__ import annotations

import os

import pytest
import torch

pytest.importorskip("triton")
if os.environ.get("TRITON_INTERPRET") != "1" and not torch.cuda.is_available():
    pytest.skip("needs TRITON_INTERPRET=1 on CPU (set by tests/conftest.py)", allow_module_level=True)

from rlve_gym.policies.kernels.moe import TRITON_EXPERTS_NAME
from rlve_gym.policies.zaya import load_policy

SMALL = {"hidden_size": 32, "num_hidden_layers": 2, "num_experts": 2, "moe_intermediate_size": 32}


def test_triton_policy_matches_eager() -> None:
    eager = load_policy("tiny", kernels="eager", seed=3, **SMALL)
    triton = load_policy("tiny", kernels="triton", seed=3, **SMALL)
    assert triton.kernels == "triton" and triton.model.config._experts_implementation == TRITON_EXPERTS_NAME
    ids = eager.tokenizer(["12 + 34 =", "sort 3 1 2"], return_tensors="pt", padding=True)
    eager_logits = eager.model(**ids).logits
    triton_logits = triton.model(**ids).logits
    torch.testing.assert_close(triton_logits, eager_logits, atol=2e-4, rtol=2e-4)

    generated = [
        policy.model.generate(**ids, max_new_tokens=4, do_sample=False, pad_token_id=policy.tokenizer.pad_token_id)
        for policy in (eager, triton)
    ]
    assert torch.equal(generated[0], generated[1])

    labels = ids["input_ids"].clone()
    for policy in (eager, triton):
        policy.model.zero_grad()
        policy.model(**ids, labels=labels).loss.backward()
    for (name, p_eager), p_triton in zip(eager.model.named_parameters(), triton.model.parameters(), strict=True):
        if p_eager.grad is not None:
            torch.testing.assert_close(p_triton.grad, p_eager.grad, atol=5e-4, rtol=5e-3, msg=name)
