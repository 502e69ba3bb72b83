"""Safety checks the agent's nodes use: red-flag triage (rules and a semantic detector)."""
