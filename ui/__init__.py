"""The Streamlit front end: a client of ``app.service.CareForge``. Run with ``streamlit run ui/app.py``."""
