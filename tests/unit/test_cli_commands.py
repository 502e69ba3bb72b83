"""The CLI's contract: --version, exit codes (0 ok, 1 failed, 2 usage), --json on stdout with progress and errors on
stderr, threads listed and never silently started, search filters, doctor's vision reasoning, eval's files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app
from app.cli.system import default_report, vision_why
from core.llm import Capabilities
from core.settings import Settings, get_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("CAREFORGE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CAREFORGE_MODEL_BASE_URL", "http://127.0.0.1:9/v1")  # nothing listens there
    monkeypatch.setenv("CAREFORGE_REQUEST_TIMEOUT_S", "2")
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), input=stdin)


def test_version_and_the_exit_codes_in_help() -> None:
    shown = run("--version")
    assert shown.exit_code == 0 and shown.stdout.startswith("careforge ")
    help_text = " ".join(run("--help").stdout.split())
    assert "0 ok; 1 failed" in help_text and "2 usage error" in help_text


def test_an_unknown_thread_is_an_error_not_a_new_conversation(env) -> None:
    out = run("ask", "Is Advil ok with my warfarin?", "--thread", "nosuch")
    assert out.exit_code == 1
    assert "no such thread nosuch; list them with: careforge threads" in out.stderr and out.stdout == ""
    assert json.loads(run("threads", "--json").stdout) == []  # nothing was started
    assert run("chat", "--thread", "nosuch", stdin="/quit\n").exit_code == 1
    assert run("report", "show", "nosuch").exit_code == 1


def test_threads_lists_conversations_and_chat_shows_the_history_first(env) -> None:
    first = run("ask", "Is Advil ok with my warfarin?", "--persona", "nurse", "--new-thread", "t1", "--json")
    assert first.exit_code == 0, first.output
    answer = json.loads(first.stdout)["answer"]
    assert run("ask", "again", "--new-thread", "t1").exit_code == 1  # an explicit new id must be new
    listed = json.loads(run("threads", "--json").stdout)
    assert [(t["thread_id"], t["persona"]) for t in listed] == [("t1", "nurse")]
    assert listed[0]["title"].startswith("Is Advil ok") and listed[0]["updated_at"]
    plain = run("threads")
    assert plain.exit_code == 0 and plain.stdout.startswith("t1\t")
    chat = run("chat", "--persona", "nurse", "--thread", "t1", stdin="/quit\n")
    assert chat.exit_code == 0, chat.output
    assert "> Is Advil ok with my warfarin?" in chat.stdout and answer.splitlines()[0] in chat.stdout
    assert chat.stdout.index("warfarin?") < chat.stdout.rindex(answer.splitlines()[0])


def test_usage_errors_exit_2_and_failures_exit_1(env, tmp_path) -> None:
    assert run("ask", "hi", "--persona", "surgeon").exit_code == 2
    assert run("ask", "hi", "--thread", "a", "--new-thread", "b").exit_code == 2
    assert run("report", "export", "x", "--format", "docx").exit_code == 2
    assert run("search", "pump", "--since", "last tuesday").exit_code == 2
    assert run("search", "pump", "--docs", "--equipment", "ventilator").exit_code == 2
    assert run("eval", "--routing", "fastest").exit_code == 2
    for args in (
        ("ingest", "logs", str(tmp_path / "missing.csv")),
        ("ingest", "docs", str(tmp_path / "missing")),
        ("image", str(tmp_path / "missing.png")),
        ("ask", "what is this?", "--image", str(tmp_path / "missing.png")),
    ):
        out = run(*args)
        assert out.exit_code == 1, args
        assert "no such" in out.stderr and str(tmp_path / "missing") in out.stderr
    assert run("users", "grant", "nobody", "local").exit_code == 1


LOGS = """log_id,problem,action,asset_id,equipment,date
L1,Infusion pump occlusion alarm on start,Replaced the tubing set,PUMP-1,infusion pump,2023-03-01
L2,Infusion pump occlusion alarm during run,Cleared the downstream clamp,PUMP-2,infusion pump,2024-06-01
L3,Ventilator high pressure alarm occlusion,Replaced the expiratory filter,VENT-1,ventilator,2024-07-01
"""


def test_ingest_reports_progress_on_stderr_and_search_filters_by_equipment_and_date(env, tmp_path) -> None:
    csv = tmp_path / "logs.csv"
    csv.write_text(LOGS)
    ingested = run("ingest", "logs", str(csv), "--json")
    assert ingested.exit_code == 0, ingested.output
    assert json.loads(ingested.stdout)["added"] == 3  # stdout is the JSON alone
    assert "logs.csv: 3 rows, done" in ingested.stderr

    def ids(*args: str) -> set[str]:
        out = run("search", "occlusion alarm", *args, "--json")
        assert out.exit_code == 0, out.output
        return {h["metadata"]["log_id"] for h in json.loads(out.stdout)["hits"]}

    assert ids() == {"L1", "L2", "L3"}
    assert ids("--equipment", "ventilator") == {"L3"}
    assert ids("--equipment", "Infusion Pump", "--since", "2024-01-01") == {"L2"}


def test_doctor_says_why_vision_is_not_trusted(env) -> None:
    out = run("doctor")
    assert out.exit_code == 1
    vision = json.loads(out.stdout)["vision"]
    assert vision["configured_trusted"] is True and vision["trusted"] is False
    assert "configured trusted" in vision["why"] and "unreachable" in vision["why"]
    up = Capabilities(base_url="x", reachable=True, accepts_images=False)
    assert "reports no image input" in vision_why(up, True, "smollm2")
    sees = Capabilities(base_url="x", reachable=True, accepts_images=True)
    assert "accepts image input, but CAREFORGE_MODEL_VISION_TRUSTED is false" in vision_why(sees, False, "m")
    assert vision_why(sees.model_copy(update={"vision_trusted": True}), True, "m").startswith("trusted")


def test_eval_writes_where_asked_with_progress_and_json(env, tmp_path, monkeypatch) -> None:
    from app.cli import system
    from evaluation import cases

    monkeypatch.setattr(cases, "CASES", tuple(c for c in cases.CASES if c.id == "drug-1"))
    monkeypatch.setattr(system, "ensure_demo_data", lambda forge: None)
    target = tmp_path / "reports" / "eval.md"
    out = run("eval", "--routing", "rules", "--out", str(target), "--json")
    assert out.exit_code == 0, out.output
    shown = json.loads(out.stdout)
    assert shown["report"] == str(target)
    assert [(o["case"], o["routing"], o["passed"]) for o in shown["outcomes"]] == [("drug-1", "rules", True)]
    assert "[rules] 1/1 drug-1: pass" in out.stderr
    assert "| **rules** | **all** | **1** | **1** |" in target.read_text()


def test_eval_finds_its_samples_or_says_where_it_looked(env, tmp_path, monkeypatch) -> None:
    from evaluation.runner import sample_files, samples_dir

    assert all((samples_dir() / name).is_file() for name in sample_files())
    monkeypatch.setenv("CAREFORGE_SAMPLES_DIR", str(tmp_path / "nothing"))
    get_settings.cache_clear()
    out = run("eval", "--out", str(tmp_path / "e.md"))
    assert out.exit_code == 1
    assert "CAREFORGE_SAMPLES_DIR" in out.stderr and not (tmp_path / "e.md").exists()


def test_eval_writes_into_the_repository_only_when_run_inside_it(tmp_path) -> None:
    config = Settings(data_dir=tmp_path / "data")
    assert default_report(config, cwd=tmp_path) == tmp_path / "data" / "evaluation.md"
    assert default_report(config, cwd=ROOT / "docs") == ROOT / "docs" / "evaluation.md"


def test_every_data_command_takes_json(env) -> None:
    assert json.loads(run("config", "--json").stdout)["data_dir"] == str(env)
    assert json.loads(run("llm", "profiles", "--json").stdout)[0]["name"]
    assert json.loads(run("users", "list", "--json").stdout)[0]["username"] == "local"
    assert json.loads(run("audit", "--json").stdout) == []


def test_someone_elses_thread_reads_as_missing_and_is_not_listed(env, monkeypatch) -> None:
    assert run("ask", "Is Advil ok with my warfarin?", "--persona", "nurse", "--new-thread", "mine").exit_code == 0
    monkeypatch.setenv("CAREFORGE_NEW_PASSWORD", "a-long-enough-password")
    assert run("users", "add", "nina", "--role", "nurse").exit_code == 0
    assert run("users", "add", "nina", "--role", "nurse").exit_code == 1  # taken: a failure, not a usage error
    monkeypatch.setenv("CAREFORGE_LOCAL_USER", "nina")
    get_settings.cache_clear()
    out = run("ask", "and ibuprofen?", "--persona", "nurse", "--thread", "mine")
    assert out.exit_code == 1 and "no such thread mine" in out.stderr
    assert json.loads(run("threads", "--json").stdout) == []
    monkeypatch.setenv("CAREFORGE_LOCAL_USER", "ghost")
    get_settings.cache_clear()
    assert run("threads").exit_code == 1  # a local user nobody created
