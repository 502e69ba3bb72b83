"""The CareForge LangGraph agent and its Python API (``agent.service.CareForge``)."""
