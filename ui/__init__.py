"""The Streamlit front end, a client of ``agent.service.CareForge`` (issue 8: not built yet)."""
