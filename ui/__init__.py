"""The Streamlit front end: a client of ``agent.service.CareForge``. Run with ``streamlit run ui/app.py``."""
