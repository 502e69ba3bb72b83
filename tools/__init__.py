"""Plain tool functions with typed inputs and outputs, usable without the agent."""
