"""The README's dashboard screenshot: the test stories ingested into a fresh SQLite file,
served on a free 127.0.0.1 port, photographed in headless Debian Chromium at 1366x768.

    python bench/screenshot.py [--out docs/dashboard.png] [--place PLACE]

`--place` clicks that place's map marker first, so the picture shows a popup and the table
narrowed to it. Uses the browser tests' harness (tests/browser_support.py): same flags, same
refusing proxy, nothing fetched from the internet. Exits non-zero if the page logged an
error or asked any other host for anything.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import (WINDOW, build_store, chromium, console_errors, foreign,  # noqa: E402
                             missing_browser, requested_urls, serve, wait_for, wait_loaded)


def viewport(driver, width: int, height: int) -> None:
    """Make the page itself (not the window around it) width x height CSS pixels."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def select_place(driver, place: str) -> None:
    """Click the place's marker and wait for its popup to finish fading in."""
    driver.find_element("css selector", f"#map .event-marker[data-place='{place}']").click()
    wait_for(driver, "const p = document.querySelector('.leaflet-popup');"
             " return !!p && getComputedStyle(p).opacity === '1'", what=f"the popup of {place}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "dashboard.png")
    parser.add_argument("--place", default="", help="click this place's marker first (e.g. Mogadishu)")
    args = parser.parse_args(argv)
    reason = missing_browser()
    if reason:
        print(f"screenshot: {reason}", file=sys.stderr)
        return 2
    from newsevents.api import create_app

    with tempfile.TemporaryDirectory(prefix="newsevents-shot-") as tmp:
        store = build_store(Path(tmp) / "corpus.db")
        try:
            with serve(create_app(store=store)) as base, chromium(Path(tmp) / "profile") as driver:
                viewport(driver, *WINDOW)
                console_errors(driver), requested_urls(driver)  # the start page's, not ours
                driver.get(base + "/")
                wait_loaded(driver)
                if args.place:
                    select_place(driver, args.place)
                args.out.parent.mkdir(parents=True, exist_ok=True)
                driver.save_screenshot(str(args.out))
                errors, elsewhere = console_errors(driver), foreign(requested_urls(driver), base)
        finally:
            store.close()
    for problem in [*errors, *(f"request to another host: {u}" for u in elsewhere)]:
        print(f"screenshot: {problem}", file=sys.stderr)
    print(f"wrote {args.out} ({WINDOW[0]}x{WINDOW[1]})")
    return 1 if errors or elsewhere else 0


if __name__ == "__main__":
    sys.exit(main())
