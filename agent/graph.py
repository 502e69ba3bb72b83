"""The agent graph, wiring only: each node lives in ``agent.nodes`` and reaches its services through the context.

input_guard -> planner <-> tools -> collect -> (review) -> planner ... -> compose -> answer -> output_guard -> record.
A report draft is put on the record before it waits for review (an interrupt); ``record`` ends every run.
"""

from __future__ import annotations

from collections.abc import Sequence

from langchain_core.tools import BaseTool
from langgraph.graph import END, START, StateGraph
from langgraph.prebuilt import ToolNode

from agent.context import Context
from agent.nodes import answer, collect, compose, guard_input, guard_output, plan, record, review
from agent.state import AgentState

Graph = StateGraph[AgentState, Context, AgentState, AgentState]


def build_graph(tools: Sequence[BaseTool], context_schema: type[Context] = Context) -> Graph:
    """The uncompiled graph; compile it with a checkpointer (a LangGraph server brings its own).

    The tool node runs ``tools``; every other node reads its services from the run's ``Context.services``.
    """
    graph = StateGraph(AgentState, context_schema=context_schema)
    graph.add_node("input_guard", guard_input.node)
    graph.add_node("planner", plan.node)
    graph.add_node("tools", ToolNode(list(tools), handle_tool_errors=True))
    graph.add_node("collect", collect.node)
    graph.add_node("review", review.node)
    graph.add_node("compose", compose.node)
    graph.add_node("answer", answer.node)
    graph.add_node("output_guard", guard_output.node)
    graph.add_node("record", record.node)

    graph.add_edge(START, "input_guard")
    graph.add_edge("input_guard", "planner")
    graph.add_conditional_edges("planner", plan.next_step, ["tools", "compose"])
    graph.add_edge("tools", "collect")
    graph.add_conditional_edges("collect", collect.next_step, ["record", "planner"])
    graph.add_conditional_edges("review", review.next_step, ["record", "planner"])
    graph.add_edge("compose", "answer")
    graph.add_edge("answer", "output_guard")
    graph.add_edge("output_guard", "record")
    graph.add_conditional_edges("record", record.next_step, ["review", END])
    return graph
