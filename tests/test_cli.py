"""The command-line interface: commands, formats, and one-line errors for bad input."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.validation import validate_document

runner = CliRunner()


def _invoke(*args, stdin=None):
    return runner.invoke(app, list(args), input=stdin)


def test_every_command_has_help_text():
    for command in app.registered_commands:
        assert command.callback.__doc__, f"{command.callback.__name__} lacks help text"
    result = _invoke("--help")
    assert result.exit_code == 0
    for name in ("extract", "demo", "validate"):
        assert name in result.output


@pytest.mark.slow
def test_demo_json_is_valid_newsevents_1():
    result = _invoke("demo", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["schema"] == "newsevents/1"
    assert validate_document(document) == []
    assert document["article"]["published"] == "2026-03-15"
    assert "Comments are closed." in document["article"]["removed"]


@pytest.mark.slow
def test_demo_summary_prints_tables():
    result = _invoke("demo")
    assert result.exit_code == 0
    assert "Ministers press for Aleppo truce" in result.output


@pytest.mark.slow
def test_extract_text_file_with_published_override(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Army says it retook border town\n"
                    "The army said on Saturday it had retaken the border town after two days of "
                    "fighting with insurgents, in which 14 soldiers were killed.", "utf-8")
    result = _invoke("extract", str(path), "--json", "--published", "2025-11-02")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["article"]["title"] == "Army says it retook border town"
    assert document["article"]["published"] == "2025-11-02"
    assert validate_document(document) == []


@pytest.mark.slow
def test_extract_stdin_snippet():
    result = _invoke("extract", "-", "--json",
                     stdin="Police arrested 14 protesters in Nairobi on Tuesday.")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["text"].startswith("Police arrested 14")


@pytest.mark.slow
def test_jsonl_batch_keeps_order_and_skips_bad_records(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "Troops shelled the village on Monday, residents said.", "url": "a"}),
        "{broken",
        json.dumps({"text": "Le gouvernement a annoncé lundi un couvre-feu dans toute la capitale "
                            "après des affrontements qui ont fait plusieurs morts.", "url": "b"}),
        json.dumps({"text": "Protesters marched through the capital on Sunday, police said.",
                    "url": "c"}),
    ]) + "\n", "utf-8")
    result = _invoke("extract", str(path), "--jsonl")
    assert result.exit_code == 0
    urls = [json.loads(line)["article"]["url"] for line in result.stdout.splitlines() if line]
    assert urls == ["a", "c"]
    assert "line 2" in result.stderr and "not in English" in result.stderr


@pytest.mark.parametrize("content, message", [
    (b"", "empty input"),
    (b"   \n  ", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
    ("Le ministre a appelé samedi à un cessez-le-feu immédiat dans la ville assiégée, où des "
     "dizaines de civils ont été tués.".encode(), "not in English"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = _invoke("extract", str(path))
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_missing_file_and_bad_date(tmp_path):
    result = _invoke("extract", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2 and "no such file" in result.stderr
    result = _invoke("extract", str(tmp_path / "missing.txt"), "--published", "03/15/2026")
    assert result.exit_code == 2


def test_validate_reports_problems(tmp_path):
    path = tmp_path / "doc.json"
    path.write_text(json.dumps({"schema": "newsevents/1"}))
    result = _invoke("validate", str(path))
    assert result.exit_code == 1
    assert "'article' is a required property" in result.stderr


def test_binary_stdin_through_the_real_console_script_has_no_traceback():
    process = subprocess.run([sys.executable, "-m", "newsevents", "extract", "-"],
                             input=b"\x00\x01\x02\x03" * 1000, capture_output=True, timeout=120)
    assert process.returncode == 2
    assert b"Traceback" not in process.stderr
    assert process.stderr.decode().strip().startswith("newsevents: error:")
