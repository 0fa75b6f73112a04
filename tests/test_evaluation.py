"""The evaluation framework and the regression gate (floors in eval/baseline.json)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.evaluation import SCORERS, Metric, check_floors, markdown_table
from newsevents.evaluation.boilerplate import page_scores, shingles
from newsevents.evaluation.common import data_dir, prf, token_f1

ROOT = Path(__file__).resolve().parents[1]


def _shared_data_present() -> bool:
    try:
        data_dir()
    except Exception:  # noqa: BLE001 - any failure means the data is not here
        return False
    return True


needs_data = pytest.mark.skipif(not _shared_data_present(), reason="../shared/data not present")


def test_shingles_and_page_scores():
    assert shingles("one two three") == {("one", "two", "three"): 1}
    assert sum(shingles("a b c d e").values()) == 2
    assert page_scores("a b c d e", "a b c d e") == (1.0, 1.0)
    precision, recall = page_scores("a b c d x y", "a b c d e")
    assert precision == pytest.approx(1 / 3) and recall == pytest.approx(1 / 2)
    assert page_scores("", "") == (1.0, 1.0)


def test_prf_and_token_f1():
    assert prf(8, 2, 2) == pytest.approx((0.8, 0.8, 0.8))
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert token_f1("the rebels said", "rebels said") == pytest.approx(0.8)


def test_check_floors_reports_only_regressions():
    metrics = [Metric("text", "boilerplate.f1", 0.95, 10), Metric("text", "boilerplate.recall", 0.99, 10)]
    assert check_floors(metrics, {"text.boilerplate.f1": 0.95, "other.metric": 0.5}) == []
    lowered = [Metric("text", "boilerplate.f1", 0.90, 10)]
    [failure] = check_floors(lowered, {"text.boilerplate.f1": 0.95})
    assert "text.boilerplate.f1" in failure and "below its floor" in failure


def test_markdown_table_has_anchor_columns():
    table = markdown_table([Metric("text", "boilerplate.f1", 0.961, 181, "trafilatura", 0.96)])
    assert "| text | boilerplate.f1 | 0.961 | 181 | trafilatura | 0.960 |" in table


def test_baseline_floors_name_real_metrics():
    baseline = json.loads((ROOT / "eval" / "baseline.json").read_text())
    assert baseline["limit"] > 0
    for key, floor in baseline["floors"].items():
        stage = key.split(".", 1)[0]
        assert stage in SCORERS, f"floor {key} names no scorer"
        assert 0.0 <= floor <= 1.0


@needs_data
def test_gate_fails_when_a_score_falls_below_its_floor(tmp_path):
    """The CI gate in action: an impossible floor makes `newsevents eval --check` exit 1."""
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"limit": 3, "floors": {"text.boilerplate.f1": 1.01}}))
    result = CliRunner().invoke(app, ["eval", "text", "--check", str(baseline)])
    assert result.exit_code == 1
    assert "regression: text.boilerplate.f1" in result.stderr


@needs_data
def test_gate_passes_at_the_measured_value(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"limit": 3, "floors": {"text.boilerplate.f1": 0.5}}))
    report = tmp_path / "accuracy.md"
    result = CliRunner().invoke(app, ["eval", "text", "--check", str(baseline), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "boilerplate.f1" in report.read_text()


def test_unknown_stage_is_a_one_line_error():
    result = CliRunner().invoke(app, ["eval", "nonsense", "--data", str(ROOT)])
    assert result.exit_code == 2
    assert "unknown stage" in result.stderr


@needs_data
def test_update_baseline_pins_todays_values(tmp_path):
    baseline = tmp_path / "baseline.json"
    result = CliRunner().invoke(app, ["eval", "text", "--limit", "3", "--update-baseline", str(baseline)])
    assert result.exit_code == 0, result.output
    written = json.loads(baseline.read_text())
    assert written["limit"] == 3
    assert set(written["floors"]) == {"text.boilerplate.precision", "text.boilerplate.recall",
                                      "text.boilerplate.f1"}
    # The values just written hold when checked again.
    again = CliRunner().invoke(app, ["eval", "text", "--check", str(baseline)])
    assert again.exit_code == 0
