"""Documented GPU serving profiles: the `vllm serve` command for each, printed or run by `careforge llm serve`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Profile:
    """One production serving recipe (from vLLM's documentation and issue threads; not run on this CPU machine)."""

    name: str
    description: str
    model: str
    args: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)
    notes: str = ""

    def command(self, port: int = 8000) -> list[str]:
        """The full command line."""
        return ["vllm", "serve", self.model, *self.args, "--host", "0.0.0.0", "--port", str(port)]


_QWEN25_TOOLS = (
    "--enable-auto-tool-choice",
    "--tool-call-parser",
    "hermes",
    "--chat-template",
    "model_server/templates/qwen2_5_vl_tools.jinja",
)

PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        Profile(
            "qwen2.5-vl-7b",
            "Qwen2.5-VL-7B-Instruct on one GPU: routing with hermes tool calls and vision.",
            "Qwen/Qwen2.5-VL-7B-Instruct",
            (*_QWEN25_TOOLS, "--limit-mm-per-prompt", '{"image":2}', "--max-model-len", "32768"),
            notes="The shipped Qwen2.5-VL chat template has no tools section: pass one that has.",
        ),
        Profile(
            "qwen3-vl-8b",
            "Qwen3-VL-8B-Instruct on one GPU: native hermes tool calls and vision.",
            "Qwen/Qwen3-VL-8B-Instruct",
            (
                "--enable-auto-tool-choice",
                "--tool-call-parser",
                "hermes",
                "--limit-mm-per-prompt.video",
                "0",
                "--max-model-len",
                "32768",
            ),
            notes="Do not add a reasoning parser together with hermes (vLLM issue 28297).",
        ),
        Profile(
            "medgemma-4b",
            "MedGemma 4B as the image tool's vision model; route with a tool-capable model.",
            "google/medgemma-4b-it",
            ("--limit-mm-per-prompt", '{"image":2}', "--max-model-len", "16384"),
            notes="No native tool calling: set CAREFORGE_ROUTING_MODE=rules or serve qwen3-vl-8b for routing "
            "and point the image tool at this endpoint.",
        ),
        Profile(
            "qwen3-vl-8b-tp2",
            "Qwen3-VL-8B across 2 GPUs of one host (tensor parallel).",
            "Qwen/Qwen3-VL-8B-Instruct",
            (
                "--enable-auto-tool-choice",
                "--tool-call-parser",
                "hermes",
                "--limit-mm-per-prompt.video",
                "0",
                "--tensor-parallel-size",
                "2",
                "--max-model-len",
                "65536",
            ),
        ),
        Profile(
            "qwen3-vl-32b-pp2",
            "Qwen3-VL-32B across 2 hosts x 4 GPUs (pipeline parallel over Ray).",
            "Qwen/Qwen3-VL-32B-Instruct",
            (
                "--enable-auto-tool-choice",
                "--tool-call-parser",
                "hermes",
                "--limit-mm-per-prompt.video",
                "0",
                "--tensor-parallel-size",
                "4",
                "--pipeline-parallel-size",
                "2",
                "--distributed-executor-backend",
                "ray",
            ),
            notes="Start a Ray cluster first (`ray start --head` / `ray start --address`).",
        ),
    )
}
