"""The graph's nodes, one module each; every module exposes ``async def node(state, runtime: Runtime[Context])``.

In the order of a turn: ``guard_input`` (red flags, injection), ``plan`` (rules and the model propose tool calls),
LangGraph's ``ToolNode`` runs them, ``collect`` (results and citations into the state), ``review`` (a person decides
each report draft: a LangGraph interrupt), ``compose`` (the answer written by code), ``answer`` (the model's few
sentences), ``guard_output`` (only grounded sentences stay) and ``record`` (audit row and thread index).
"""
