"""Identifier detectors behind ``agent.privacy.redact``: patterns, phone numbers (``phonenumbers``) and person names."""
