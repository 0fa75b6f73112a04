"""Check the casualty gold set: offsets match the VOA text and every field has the right type."""
from __future__ import annotations

import argparse
import collections
import datetime
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_GOLD = HERE / "casualties.jsonl"
# Shared data sits next to the repository, never inside it (DEVELOPERS.md).
DEFAULT_VOA = HERE.parents[2] / "shared" / "data" / "voa" / "voa_stories_dev.jsonl"

KINDS = {"killed", "wounded", "missing", "kidnapped", "arrested", "displaced", "trapped", "affected"}
FIELDS = {
    "kind": str, "low": (int, type(None)), "high": (int, type(None)), "text": str,
    "start": int, "end": int, "source": (str, type(None)), "place": (str, type(None)),
    "date": (dict, type(None)), "perpetrator": (str, type(None)), "victims": (str, type(None)),
    "cumulative": bool, "approximate": bool, "subset_of": (int, type(None)), "note": (str, type(None)),
}
# Optional: present (and true) only on claims added under the single-victim extension (README).
OPTIONAL = {"single_victim": bool}


def check_claim(claim: dict, text: str, n_claims: int, index: int) -> list[str]:
    """Return the problems found in one claim (empty when it is valid)."""
    errors = []
    if not set(FIELDS) <= set(claim) <= set(FIELDS) | set(OPTIONAL):
        errors.append(f"fields differ: {sorted((set(claim) - set(OPTIONAL)) ^ set(FIELDS))}")
        return errors
    if "single_victim" in claim:
        if claim["single_victim"] is not True:
            errors.append("single_victim must be true when present")
        elif (claim["low"], claim["high"]) != (1, 1):
            errors.append("single_victim claim must have low = high = 1")
    for name, types in FIELDS.items():
        value = claim[name]
        # bool is a subclass of int; numeric fields must not hold booleans
        if not isinstance(value, types) or (isinstance(value, bool) and name not in ("cumulative", "approximate")):
            errors.append(f"{name} has type {type(value).__name__}")
    if errors:
        return errors
    if claim["kind"] not in KINDS:
        errors.append(f"unknown kind {claim['kind']!r}")
    if text[claim["start"]:claim["end"]] != claim["text"]:
        errors.append(f"offset mismatch: {text[claim['start']:claim['end']]!r} != {claim['text']!r}")
    low, high = claim["low"], claim["high"]
    if low is None and high is None:
        errors.append("low and high are both null")
    if low is not None and high is not None and low > high:
        errors.append(f"low {low} > high {high}")
    if any(v is not None and v < 0 for v in (low, high)):
        errors.append("negative count")
    if claim["date"] is not None:
        date = claim["date"]
        if set(date) != {"from", "to"}:
            errors.append("date must have exactly 'from' and 'to'")
        else:
            try:
                start = datetime.date.fromisoformat(date["from"])
                end = datetime.date.fromisoformat(date["to"])
                if start > end:
                    errors.append("date from > to")
            except (TypeError, ValueError):
                errors.append(f"bad ISO date {date}")
    subset = claim["subset_of"]
    if subset is not None and not (0 <= subset < n_claims and subset != index):
        errors.append(f"subset_of {subset} points nowhere")
    return errors


def main(argv: list[str] | None = None) -> int:
    """Validate the gold file against the VOA stories; print counts; exit 1 on any problem."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--voa", type=Path, default=DEFAULT_VOA)
    args = parser.parse_args(argv)

    stories = {}
    with args.voa.open(encoding="utf-8") as fh:
        for line in fh:
            story = json.loads(line)
            stories[story["id"]] = story
    errors: list[str] = []
    kinds: collections.Counter[str] = collections.Counter()
    single_kinds: collections.Counter[str] = collections.Counter()
    seen: set[str] = set()
    n_with_claims = 0
    with args.gold.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            article = json.loads(line)
            if set(article) != {"id", "published", "annotated", "claims"}:
                errors.append(f"line {lineno}: article fields {sorted(article)}")
                continue
            story = stories.get(article["id"])
            if story is None:
                errors.append(f"line {lineno}: unknown story id {article['id']}")
                continue
            if article["id"] in seen:
                errors.append(f"line {lineno}: duplicate story id {article['id']}")
            seen.add(article["id"])
            if article["published"] != story["published"] or article["annotated"] is not True:
                errors.append(f"{article['id']}: published/annotated mismatch")
            claims = article["claims"]
            n_with_claims += bool(claims)
            for i, claim in enumerate(claims):
                for problem in check_claim(claim, story["text"], len(claims), i):
                    errors.append(f"{article['id']} claim {i}: {problem}")
                if isinstance(claim.get("kind"), str):
                    kinds[claim["kind"]] += 1
                    if claim.get("single_victim") is True:
                        single_kinds[claim["kind"]] += 1
    for problem in errors:
        print("ERROR", problem, file=sys.stderr)
    print(f"articles annotated: {len(seen)} (with claims: {n_with_claims}); claims: {sum(kinds.values())}"
          f" (single_victim: {sum(single_kinds.values())})")
    for kind, count in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {kind}: {count} (single_victim: {single_kinds[kind]})")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
