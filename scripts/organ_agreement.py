#!/usr/bin/env python3
"""Checks the text path of the document profiles against the XML path, file by file.

    scripts/organ_agreement.py UNRES AKN_DIR... [--keep DIR]

Each AKN4UN file is loaded by unres from its XML, and written out as plain text by
scripts/akn2text.py (the UN's ODS text layout, with no help from unres's XML reader) and loaded from
that text, through the document profiles of mappings/. For every resolution it compares what the
two loads give: the top-level preambular, operative and annex paragraph counts, the sub-paragraph
count, the footnote count, and the metadata columns body, symbol, session, number, year, title,
adopted_on, meeting, plenary_meeting. Prints each disagreement and, per column, how many files
agree. Exit 0 (it reports; it does not judge).
"""
import os
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["body", "symbol", "session", "number", "year", "title", "adopted_on", "meeting", "plenary_meeting"]


def load(unres, db, paths):
    subprocess.run([unres, "ingest", "--db", db, *paths], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    con = sqlite3.connect(db)
    out = {}
    for row in con.execute(
        "SELECT d.path, r.id, " + ", ".join("r." + c for c in COLUMNS) + " FROM resolutions r JOIN documents d ON d.id = r.document_id"
    ):
        path, rid, *values = row
        facts = dict(zip(COLUMNS, values))
        for kind in ("preambular", "operative", "annex"):
            facts[kind] = con.execute(
                "SELECT count(*) FROM paragraphs WHERE resolution_id = ? AND kind = ? AND parent_id IS NULL", (rid, kind)
            ).fetchone()[0]
        facts["subparagraphs"] = con.execute(
            "SELECT count(*) FROM paragraphs WHERE resolution_id = ? AND kind != 'annex' AND parent_id IS NOT NULL", (rid,)
        ).fetchone()[0]
        facts["footnotes"] = con.execute("SELECT count(*) FROM footnotes WHERE resolution_id = ?", (rid,)).fetchone()[0]
        out[os.path.basename(path).rsplit(".", 1)[0]] = facts
    quarantined = {os.path.basename(p).rsplit(".", 1)[0]: reason for p, reason in con.execute(
        "SELECT path, reason FROM quarantine")}
    return out, quarantined


def main(argv):
    args = argv[1:]
    keep = None
    if "--keep" in args:
        i = args.index("--keep")
        keep = args[i + 1]
        del args[i:i + 2]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    unres, dirs = args[0], args[1:]
    xmls = sorted(os.path.join(d, f) for d in dirs for f in os.listdir(d) if f.endswith(".xml"))
    with tempfile.TemporaryDirectory() as tmp:
        texts = keep or os.path.join(tmp, "texts")
        os.makedirs(texts, exist_ok=True)
        for x in xmls:
            name = os.path.basename(x).rsplit(".", 1)[0]
            subprocess.run([sys.executable, os.path.join(HERE, "akn2text.py"), x, os.path.join(texts, name + ".txt")], check=True)
        xml, _ = load(unres, os.path.join(tmp, "xml.db"), xmls)
        text, quarantined = load(unres, os.path.join(tmp, "text.db"), [texts])
    keys = COLUMNS + ["preambular", "operative", "annex", "subparagraphs", "footnotes"]
    agree = {k: 0 for k in keys}
    whole = 0
    for name in sorted(xml):
        a, b = xml[name], text.get(name)
        if b is None:
            print(f"{name}: text not loaded: {quarantined.get(name, '?')}")
            continue
        diffs = [k for k in keys if a[k] != b[k]]
        for k in keys:
            agree[k] += a[k] == b[k]
        whole += not diffs
        for k in diffs:
            print(f"{name}: {k}: xml {a[k]!r} text {b[k]!r}")
    n = len(xml)
    print(f"files: {n} (text loaded: {len(text)}); every column agrees: {whole}/{n}")
    for k in keys:
        print(f"  {k:15} {agree[k]}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
