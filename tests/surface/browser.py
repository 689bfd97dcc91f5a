#!/usr/bin/env python3
"""The HTML report rendered by headless Chromium (ctest label browser).

    browser.py UNRES

Loads the bundled data (tests/data/seeds, odsrender, pdftext), writes the report, and checks
  - the DOM Chromium built (--dump-dom) has each chart with one bar per value, and the values are
    the database's (computed here with SQL of its own);
  - the screenshot is not blank: many colours, enough ink, and every chart's bar colour on screen.
Chromium missing is a failure, not a skip: scripts/setup.sh installs it.
"""
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ["tests/data/seeds", "tests/data/odsrender", "tests/data/pdftext"]
WIDTH, HEIGHT = 1200, 2400
TOP = 15  # bars in each ranking: unres report's default --top
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Bar colours of report.cpp: sessions (first committee), verbs, reports, cited, organizations.
COLOURS = {"chart-verbs": (0x4e, 0x79, 0xa7), "chart-reports": (0xf2, 0x8e, 0x2b),
           "chart-cited": (0xe1, 0x57, 0x59), "chart-organizations": (0x59, 0xa1, 0x4f)}


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def decode_png(data):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG, not interlaced."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("the screenshot is not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace:
        fail(f"unsupported PNG: depth {depth}, colour type {colour_type}, interlace {interlace}")
    channels = 3 if colour_type == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 0xFF
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, channels)])
        previous = line
    return width, height, rows


def expected_bars(db):
    """{chart id: [values in drawing order]} computed from the database."""
    with sqlite3.connect(db) as c:
        q = lambda sql: [row[0] for row in c.execute(sql, (TOP,) if "?" in sql else ())]
        return {
            "chart-sessions": q("SELECT count(*) FROM resolutions WHERE session IS NOT NULL "
                                "GROUP BY session, coalesce(committee, '') ORDER BY session, coalesce(committee, '')"),
            "chart-verbs": q("SELECT count(*) FROM v_operative_actions GROUP BY lemma ORDER BY 1 DESC, lemma LIMIT ?"),
            "chart-reports": q("SELECT count(*) FROM deadlines WHERE kind = 'report' AND session IS NOT NULL "
                               "AND coalesce(body, 'General Assembly') IN ('General Assembly', 'Assembly') "
                               "GROUP BY session ORDER BY session"),
            "chart-cited": q("SELECT count(DISTINCT resolution_id) FROM citations WHERE kind LIKE '%resolution' "
                             "GROUP BY target ORDER BY 1 DESC, count(*) DESC, target LIMIT ?"),
            "chart-organizations": q("SELECT count(*) FROM organization_mentions m "
                                     "JOIN organizations o ON o.id = m.organization_id GROUP BY o.id "
                                     "ORDER BY 1 DESC, o.name || coalesce(' (' || o.acronym || ')', '') LIMIT ?"),
        }


def chromium(binary, profile, *args):
    p = subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, timeout=180)
    if p.returncode != 0:
        fail(f"chromium exited {p.returncode}:\n{p.stderr.decode(errors='replace')[-2000:]}")
    return p.stdout.decode("utf-8", errors="replace")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    unres = str(Path(sys.argv[1]).resolve())
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        fail("chromium is not installed (Debian package chromium; scripts/setup.sh installs it)")
    with tempfile.TemporaryDirectory(prefix="unres-browser-") as tmp:
        db, html = os.path.join(tmp, "unres.db"), os.path.join(tmp, "report.html")
        for args in (["ingest", "--db", db, *DATA], ["report", "--db", db, "--out", html]):
            p = subprocess.run([unres, *args], cwd=ROOT, capture_output=True, text=True)
            if p.returncode != 0:
                fail(f"unres {args[0]} exited {p.returncode}:\n{p.stderr}")
        url = Path(html).as_uri()

        dom = chromium(binary, tempfile.mkdtemp(dir=tmp), "--dump-dom", url)
        for chart, values in expected_bars(db).items():
            m = re.search(rf'<svg class="chart" id="{chart}"[^>]*>(.*?)</svg>', dom, re.S)
            if not m:
                fail(f"{chart}: no <svg> in the rendered DOM")
            drawn = [int(v) for v in re.findall(r'<rect class="bar"[^>]*data-value="(\d+)"', m.group(1))]
            if not values:
                fail(f"{chart}: the bundled data should give it bars")
            if drawn != values:
                fail(f"{chart}: bars {drawn}, the database says {values}")
            print(f"{chart}: {len(drawn)} bars, values as in the database")

        shot = os.path.join(tmp, "report.png")
        chromium(binary, tempfile.mkdtemp(dir=tmp), f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", url)
        width, height, rows = decode_png(Path(shot).read_bytes())
        if (width, height) != (WIDTH, HEIGHT):
            fail(f"screenshot is {width}x{height}, expected {WIDTH}x{HEIGHT}")
        colours, ink = {}, 0
        for row in rows:
            for pixel in row:
                colours[pixel] = colours.get(pixel, 0) + 1
                if sum(pixel) < 720:
                    ink += 1
        share = ink / (width * height)
        print(f"screenshot: {len(colours)} distinct colours, {share:.1%} of the pixels not white")
        if len(colours) < 16:
            fail(f"the screenshot looks blank: {len(colours)} colours")
        if share < 0.03:
            fail(f"the screenshot looks blank: {share:.1%} of the pixels are not white")
        for chart, colour in COLOURS.items():
            # A 16-px-high bar of the smallest value is still hundreds of pixels.
            if colours.get(colour, 0) < 200:
                fail(f"{chart}: its bar colour #{bytes(colour).hex()} is (almost) not on screen")


if __name__ == "__main__":
    main()
