"""The application facade above the agent graph: the ``CareForge`` service, its resources and the CLI."""
