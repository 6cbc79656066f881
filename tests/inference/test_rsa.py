"""Markovian RSA with a deterministic scripted backend and a real HTTP server."""

from __future__ import annotations

import json
import random
import re
import threading
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rlve_gym.inference import (
    CallableBackend,
    CharTokenizer,
    OpenAICompletionsBackend,
    RSAConfig,
    ServerError,
    majority,
    run_markovian_rsa,
)
from rlve_gym.inference.rsa import AGGREGATION_TEMPLATE, CANDIDATE_TEMPLATE, CONTINUATION_TEMPLATE

QUESTION = "What is 6 times 7?"
TOKENS = CharTokenizer()


def scripted_model(prompts: Sequence[str], max_new_tokens: int, seeds: Sequence[int]) -> list[str]:
    """Rambles a seed-dependent amount, then answers: right with probability 0.4 from scratch, and with the
    majority of the attempts shown in an aggregation prompt otherwise (so aggregation helps)."""
    outputs = []
    for prompt, seed in zip(prompts, seeds, strict=True):
        rng = random.Random(seed)
        seen = re.findall(r"<answer>(\d+)</answer>", prompt)
        answer = majority(seen) if seen else ("42" if rng.random() < 0.4 else str(rng.randint(30, 50)))
        outputs.append("thinking " * rng.randint(5, 60) + f"<answer>{answer}</answer>")
    return outputs


def run(config: RSAConfig, verify=None):
    return run_markovian_rsa(QUESTION, CallableBackend(scripted_model, TOKENS), TOKENS, config, verify)


def bound(config: RSAConfig) -> int:
    from rlve_gym.core.answers import format_prompt

    asked = len(format_prompt(QUESTION, config.answer_format))
    template = max(len(AGGREGATION_TEMPLATE), len(CONTINUATION_TEMPLATE)) + 10
    header = len(CANDIDATE_TEMPLATE) + 8
    return asked + config.candidates * (config.tail_tokens + header) + template


@pytest.mark.parametrize("rounds", [0, 1, 3, 6])
def test_prompt_length_is_bounded_independently_of_rounds(rounds: int) -> None:
    config = RSAConfig(population=6, candidates=3, rounds=rounds, budget_tokens=400, tail_tokens=40, seed=1)
    result = run(config)
    assert result.max_prompt_tokens <= bound(config)
    assert all(trace.tokens <= 400 for summary in result.rounds for trace in summary.traces)
    assert len(result.rounds) == rounds + 1


def test_zero_rounds_is_independent_sampling() -> None:
    config = RSAConfig(population=5, candidates=2, rounds=0, budget_tokens=400, tail_tokens=40, seed=2)
    result = run(config)
    assert len(result.rounds) == 1
    assert {t.prompt_tokens for t in result.rounds[0].traces} == {len(TOKENS.encode(result_prompt(config)))}


def result_prompt(config: RSAConfig) -> str:
    from rlve_gym.core.answers import format_prompt

    return format_prompt(QUESTION, config.answer_format)


def test_one_candidate_continues_its_own_tail() -> None:
    seen_prompts: list[str] = []

    def recording(prompts, max_new_tokens, seeds):
        seen_prompts.extend(prompts)
        return scripted_model(prompts, max_new_tokens, seeds)

    config = RSAConfig(population=4, candidates=1, rounds=1, budget_tokens=400, tail_tokens=30, seed=3)
    result = run_markovian_rsa(QUESTION, CallableBackend(recording, TOKENS), TOKENS, config)
    round0 = result.rounds[0].traces
    for i, prompt in enumerate(seen_prompts[4:]):
        assert round0[i].text[-30:] in prompt and "Continue from there" in prompt


def test_full_tail_is_full_chain_rsa() -> None:
    captured: list[str] = []

    def recording(prompts, max_new_tokens, seeds):
        captured.extend(prompts)
        return scripted_model(prompts, max_new_tokens, seeds)

    config = RSAConfig(population=4, candidates=2, rounds=1, budget_tokens=1000, tail_tokens=1000, seed=4)
    result = run_markovian_rsa(QUESTION, CallableBackend(recording, TOKENS), TOKENS, config)
    texts = [t.text for t in result.rounds[0].traces]
    for prompt in captured[4:]:
        assert sum(text in prompt for text in texts) >= 1  # whole traces, not tails
        assert sum(prompt.count(f"[attempt {i}]") for i in (1, 2)) == 2


def test_same_seed_same_run_and_aggregation_helps() -> None:
    config = RSAConfig(population=16, candidates=4, rounds=2, budget_tokens=600, tail_tokens=60, seed=5)
    verify = lambda text: int("<answer>42</answer>" in text)  # noqa: E731
    first, second = run(config, verify), run(config, verify)
    assert first == second
    other = run(RSAConfig(population=16, candidates=4, rounds=2, budget_tokens=600, tail_tokens=60, seed=6), verify)
    assert other != first
    accuracies = [summary.mean_accuracy for summary in first.rounds]
    assert accuracies[-1] >= accuracies[0]
    assert first.generated_tokens == sum(s.generated_tokens for s in first.rounds)


def test_config_validation() -> None:
    with pytest.raises(ValueError, match="candidates"):
        RSAConfig(population=2, candidates=3)
    with pytest.raises(ValueError, match="tail_tokens"):
        RSAConfig(budget_tokens=10, tail_tokens=20)
    with pytest.raises(ValueError, match="template"):
        RSAConfig(aggregation_template="no placeholders")


class _Handler(BaseHTTPRequestHandler):
    lock = threading.Lock()
    in_flight = 0
    peak = 0
    failures_left = 0
    requests = 0

    def do_POST(self) -> None:
        cls = type(self)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with cls.lock:
            cls.requests += 1
            cls.in_flight += 1
            cls.peak = max(cls.peak, cls.in_flight)
            fail = cls.failures_left > 0
            cls.failures_left -= fail
        threading.Event().wait(0.1)  # long enough for the client's threads to overlap, even under load
        failed = fail or body.get("prompt") == "always fail"
        if not failed:
            text = scripted_model([body["prompt"]], body["max_tokens"], [body["seed"]])[0][: body["max_tokens"]]
            payload = {"choices": [{"text": text}], "usage": {"completion_tokens": len(text)}}
        # leave the in-flight count before replying: once the reply is out, the client may send its next request
        # before this thread runs again, and counting both would report a peak the client never had
        with cls.lock:
            cls.in_flight -= 1
        if failed:
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"boom")
            return
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Handler.peak = _Handler.requests = 0
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_http_backend_concurrency_retries_and_errors(server: str) -> None:
    _Handler.failures_left = 2
    backend = OpenAICompletionsBackend(server, "tiny", tokenizer=TOKENS, concurrency=3, retries=3, backoff_s=0.01)
    config = RSAConfig(population=6, candidates=2, rounds=1, budget_tokens=300, tail_tokens=30, seed=7)
    result = run_markovian_rsa(QUESTION, backend, TOKENS, config)

    # the server receives 31-bit seeds (what OpenAI-compatible servers accept)
    def same_seeds(prompts, max_new_tokens, seeds):
        return scripted_model(prompts, max_new_tokens, [seed % 2**31 for seed in seeds])

    local = run_markovian_rsa(QUESTION, CallableBackend(same_seeds, TOKENS), TOKENS, config)
    assert [t.text for s in result.rounds for t in s.traces] == [t.text for s in local.rounds for t in s.traces]
    assert 1 < _Handler.peak <= 3
    assert _Handler.requests >= 12 + 2  # the two 500s were retried (a loaded machine may add transient retries)
    with pytest.raises(ServerError, match="HTTP 500"):
        OpenAICompletionsBackend(server, "tiny", tokenizer=TOKENS, retries=1, backoff_s=0.01).generate(
            ["always fail"], 10, [0]
        )
    with pytest.raises(ServerError, match=r"URLError|Connection"):
        OpenAICompletionsBackend("http://127.0.0.1:9", "x", tokenizer=TOKENS, retries=0).generate(["q"], 5, [0])
