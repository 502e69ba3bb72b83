"""A real embedded vLLM server for the session: started once (or reused) and stopped at the end."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.settings import Settings
from model_server import embedded


@pytest.fixture(scope="session")
def vllm_server() -> Iterator[embedded.EmbeddedServer]:
    server = embedded.EmbeddedServer(Settings().data_dir, port=8011)
    started_here = not embedded.is_ready(server)
    embedded.start(server)
    yield server
    if started_here:
        embedded.stop(server)


@pytest.fixture
def live_settings(vllm_server: embedded.EmbeddedServer, tmp_path) -> Settings:
    return Settings(data_dir=tmp_path, model_base_url=vllm_server.base_url, request_timeout_s=60, max_retries=0)
