"""Build a tiny Idefics3 (SmolVLM-style) checkpoint from SmolLM2 and a random vision tower.

Run with the server environment's interpreter: ``python build_tiny_vlm.py TEXT_MODEL_DIR OUT_DIR``. The result
proves the product's image requests through vLLM's multimodal pipeline; it understands nothing in images, so the
product marks its vision as untrusted (CAREFORGE_MODEL_VISION_TRUSTED=false).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import torch
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    Idefics3Config,
    Idefics3ForConditionalGeneration,
    Idefics3Processor,
)
from transformers import Idefics3ImageProcessorPil as ImageProcessor  # PIL, not torchvision (breaks beside CPU torch)
from transformers.models.idefics3 import Idefics3VisionConfig

CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{% if message['role'] == 'user' %}User:{% elif message['role'] == 'system' %}System:"
    "{% else %}Assistant:{% endif %}"
    "{% if message['content'] is string %}{{ message['content'] }}{% else %}"
    "{% for part in message['content'] %}{% if part['type'] == 'image' %}<image>"
    "{% elif part['type'] == 'text' %}{{ part['text'] }}{% endif %}{% endfor %}{% endif %}"
    "<end_of_utterance>\n{% endfor %}{% if add_generation_prompt %}Assistant:{% endif %}"
)


def main(text_dir: Path, out_dir: Path) -> None:
    """Build the checkpoint, its processor and tokenizer into ``out_dir``, with a checksum manifest."""
    tokenizer = AutoTokenizer.from_pretrained(text_dir)
    specials = ["<fake_token_around_image>", "<image>", "<end_of_utterance>", "<global-img>"]
    specials += [f"<row_{i}_col_{j}>" for i in range(1, 7) for j in range(1, 7)]
    tokenizer.add_special_tokens({"additional_special_tokens": specials})
    image_token_id = tokenizer.convert_tokens_to_ids("<image>")
    assert isinstance(image_token_id, int)
    text = AutoModelForCausalLM.from_pretrained(text_dir, torch_dtype=torch.float32)
    text_config = text.config
    text_config.vocab_size = len(tokenizer)
    config = Idefics3Config(
        text_config=text_config.to_dict(),
        vision_config=Idefics3VisionConfig(
            hidden_size=64,
            intermediate_size=128,
            num_hidden_layers=1,
            num_attention_heads=2,
            image_size=64,
            patch_size=16,
        ).to_dict(),
        scale_factor=2,
        image_token_id=image_token_id,
        tie_word_embeddings=True,
    )
    config.pad_token_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 2
    torch.manual_seed(0)
    model = Idefics3ForConditionalGeneration(config)
    text.resize_token_embeddings(len(tokenizer))
    missing = model.model.text_model.load_state_dict(text.model.state_dict(), strict=False)
    model.tie_weights()
    processor = Idefics3Processor(
        image_processor=ImageProcessor(
            size={"longest_edge": 128}, max_image_size={"longest_edge": 64}, do_image_splitting=True
        ),
        tokenizer=tokenizer,
        image_seq_len=4,
        chat_template=CHAT_TEMPLATE,
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir)
    processor.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
    # transformers leaves Llama's default pad id (128002) in the text config, outside this vocabulary.
    config_file = out_dir / "config.json"
    saved = json.loads(config_file.read_text())
    saved["pad_token_id"] = saved.setdefault("text_config", {})["pad_token_id"] = config.pad_token_id
    config_file.write_text(json.dumps(saved, indent=2))
    weights = sorted(out_dir.glob("*.safetensors"))
    digest = hashlib.sha256(b"".join(hashlib.sha256(p.read_bytes()).digest() for p in weights)).hexdigest()
    manifest = {"source": str(text_dir), "sha256": digest, "missing_text_keys": len(missing.missing_keys)}
    (out_dir / "careforge-manifest.json").write_text(json.dumps(manifest, indent=2))
    print(json.dumps(manifest))  # noqa: T201 - the build log


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
