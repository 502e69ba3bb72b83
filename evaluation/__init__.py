"""End-to-end evaluation: scripted user turns through the real agent, checked for tools, citations and guards."""
