"""Check a newsevents/1 document: the shipped JSON schema, then spans and cross-references."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources as package_files
from typing import Any


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The JSON schema of newsevents/1 shipped with the package."""
    path = package_files.files("newsevents") / "schema" / "newsevents-1.schema.json"
    return json.loads(path.read_text("utf-8"))


def validate_document(document: dict[str, Any]) -> list[str]:
    """All problems found in a document, as readable strings; an empty list means valid."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load_schema())
    problems = [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
                for error in validator.iter_errors(document)]
    if problems:
        return problems
    return _span_problems(document) + _reference_problems(document)


def _span_problems(document: dict[str, Any]) -> list[str]:
    length = len(document["article"]["text"])
    problems = []

    def check(where: str, start: int, end: int) -> None:
        if not 0 <= start <= end <= length:
            problems.append(f"{where}: span [{start}, {end}] outside the text (length {length})")

    for kind in ("entities", "places"):
        for record in document[kind]:
            for start, end in record["mentions"] + record.get("embedded_mentions", []):
                check(f"{kind}/{record['id']}", start, end)
    for kind in ("dates", "quotes", "casualties", "events"):
        for record in document[kind]:
            check(f"{kind}/{record['id']}", record["start"], record["end"])
    text = document["article"]["text"]
    for record in document["dates"]:
        if text[record["start"]:record["end"]] != record["text"]:
            problems.append(f"dates/{record['id']}: text does not match its span")
    for record in document["quotes"]:
        if text[record["start"]:record["end"]] != record["text"]:
            problems.append(f"quotes/{record['id']}: text does not match its span")
    for record in document["casualties"]:
        if text[record["start"]:record["end"]] != record["text"]:
            problems.append(f"casualties/{record['id']}: text does not match its span")
    return problems


def _reference_problems(document: dict[str, Any]) -> list[str]:
    ids = {kind: {r["id"] for r in document[kind]}
           for kind in ("entities", "places", "quotes", "casualties")}
    problems = []

    def check(where: str, value: str | None, kind: str) -> None:
        if value is not None and value not in ids[kind]:
            problems.append(f"{where}: refers to unknown {kind} id {value!r}")

    for q in document["quotes"]:
        check(f"quotes/{q['id']}", q["speaker_id"], "entities")
    for c in document["casualties"]:
        check(f"casualties/{c['id']}", c["place_id"], "places")
    for e in document["events"]:
        where = f"events/{e['id']}"
        check(where, e["place_id"], "places")
        check(where, e["quote_id"], "quotes")
        for cid in e["casualty_ids"]:
            check(where, cid, "casualties")
        for role in ("actor", "target"):
            if e[role]:
                check(where, e[role]["entity_id"], "entities")
    for i in document.get("incidents", []):  # optional key: older documents lack it
        where = f"incidents/{i['id']}"
        check(where, i["place_id"], "places")
        for cid in i["claim_ids"]:
            check(where, cid, "casualties")
        if i["best_claim_id"] is not None and i["best_claim_id"] not in i["claim_ids"]:
            problems.append(f"{where}: best_claim_id {i['best_claim_id']!r} is not one of its claims")
    return problems
