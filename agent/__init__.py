"""The CareForge LangGraph graph: nodes, planner, personas and guards (the Python API is ``app.service.CareForge``)."""
