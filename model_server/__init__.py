"""The embedded vLLM server (CPU) and the documented GPU production profiles."""
