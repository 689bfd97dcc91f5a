#!/usr/bin/env python3
"""End-to-end tests of the analyst's commands, driving the unres binary (ctest label e2e).

    e2e.py UNRES CASE      CASE: search, search_rebuilds_index, search_upgrades_tokenizer,
                                 read_only_mount, view_types, explain, export_csv, export_jsonl,
                                 stats, report, docs, chapter_vii

Run from the project root (ctest does): documents.path is stored as given, e.g. tests/data/seeds/...
Every case loads tests/data/seeds into a fresh database, the one the README builds.
"""
import csv
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = "tests/data/seeds"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(unres, *args, expect=0):
    p = subprocess.run([unres, *args], capture_output=True, text=True, encoding="utf-8")
    check(p.returncode == expect,
          f"unres {' '.join(args)}: exit {p.returncode}, expected {expect}\nstdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p


def seeds_db(unres, tmp):
    db = str(Path(tmp) / "r.db")
    run(unres, "ingest", "--db", db, SEEDS)
    return db


def case_search(unres, tmp):
    db = seeds_db(unres, tmp)
    p = run(unres, "search", "--db", db, "parliament*")
    lines = p.stdout.splitlines()
    check(len(lines) >= 3, f"expected hits for parliament*:\n{p.stdout}")
    for line in lines:
        symbol, where, snippet = line.split("\t")
        check(symbol == "A/RES/68/272", f"unexpected symbol in {line!r}")
        check(re.fullmatch(r"(preambular|operative|annex) [0-9]+( \([a-z]+\))*", where), f"bad paragraph in {line!r}")
        check(re.search(r"\*\*[A-Za-z-]*[Pp]arliament[a-z]*\*\*", snippet), f"no highlighted match in {line!r}")
    check(re.search(r"^unres: \d+ paragraph\(s\) match", p.stderr), p.stderr)

    limited = run(unres, "search", "--db", db, "--limit", "2", "cooperation")
    check(len(limited.stdout.splitlines()) == 2, limited.stdout)
    check("the best 2 shown" in limited.stderr, limited.stderr)

    phrase = run(unres, "search", "--db", db, '"Shanghai Cooperation Organization"')
    check(phrase.stdout, "no hit for the phrase")
    for line in phrase.stdout.splitlines():
        check(line.split("\t")[0] in ("A/RES/65/124", "A/RES/67/15"), line)
        # The snippet may end inside the phrase: then only its first words are marked.
        check("**Shanghai" in line, line)

    near = run(unres, "search", "--db", db, "NEAR(mobilize resources, 2)")
    check("A/RES/68/230\toperative 17\t" in near.stdout, near.stdout)

    # Ordinary UN words are words (issue 17), stems match, filters narrow, csv and json for tools.
    for words in ("Secretary-General", "Member States'", "South-South", "nosuchcolumn: word", "68/230"):
        run(unres, "search", "--db", db, words)
    check(run(unres, "search", "--db", db, "--limit", "1000", "parliament").stdout ==
          run(unres, "search", "--db", db, "--limit", "1000", "parliaments").stdout, "parliament and parliaments differ")
    filtered = run(unres, "search", "--db", db, "--limit", "1000", "--session", "68", "--committee", "second",
                   "--kind", "operative", "--body", "A", "--year", "2013", "cooperation")
    check(filtered.stdout and all(line.startswith("A/RES/68/230\toperative ") for line in filtered.stdout.splitlines()),
          filtered.stdout)
    as_csv = run(unres, "search", "--db", db, "--format", "csv", "--limit", "1000", "--kind", "operative", "cooperation")
    check(as_csv.stdout.startswith("\ufeffsymbol,language,session,year,committee,body,kind,paragraph,paragraph_id,snippet\n"),
          as_csv.stdout[:200])
    records = list(csv.DictReader(as_csv.stdout.lstrip("\ufeff").splitlines()))
    as_table = run(unres, "search", "--db", db, "--limit", "1000", "--kind", "operative", "cooperation")
    check(len(records) == len(as_table.stdout.splitlines()) > 0, f"{len(records)} csv records")
    check(all(r["kind"] == "operative" and "**" in r["snippet"] for r in records), records[:2])
    as_json = json.loads(run(unres, "search", "--db", db, "--format", "json", "--limit", "2", "--committee", "plenary",
                             "Secretary-General").stdout)
    check(as_json["fts5_query"] == '"Secretary-General"' and as_json["total"] >= len(as_json["hits"]) > 0, as_json)
    check(all(h["committee"] is None and isinstance(h["session"], int) for h in as_json["hits"]), as_json)
    check(as_json["index"] == "paragraphs_fts" and all(h["language"] == "en" for h in as_json["hits"]), as_json)
    check(run(unres, "search", "--db", db, "--language", "fr", "cooperation").stdout == "", "French hits in the seeds")

    none = run(unres, "search", "--db", db, "xylophone")
    check(none.stdout == "", none.stdout)
    check("no paragraph matches xylophone" in none.stderr, none.stderr)

    for bad in ("AND (", '"unterminated', "NEAR(a b,"):
        p = run(unres, "search", "--db", db, bad, expect=2)
        check("bad full-text query" in p.stderr and "FTS5 syntax" in p.stderr, p.stderr)

    missing = run(unres, "search", "--db", str(Path(tmp) / "missing.db"), "word", expect=3)
    check("no such database" in missing.stderr, missing.stderr)
    check(not (Path(tmp) / "missing.db").exists(), "search created a database")


def case_search_rebuilds_index(unres, tmp):
    """A database whose index is gone (or that predates it) gets it back, complete, when opened."""
    db = seeds_db(unres, tmp)
    before = run(unres, "search", "--db", db, "--limit", "1000", "cooperation").stdout
    with sqlite3.connect(db) as c:
        c.execute("DROP TRIGGER IF EXISTS paragraphs_fts_before_update")
        c.execute("DROP TRIGGER IF EXISTS paragraphs_fts_after_update")
        c.execute("DROP TABLE paragraphs_fts")
    after = run(unres, "search", "--db", db, "--limit", "1000", "cooperation").stdout
    check(after == before and before, f"hits differ after rebuild:\n{before}\n---\n{after}")
    with sqlite3.connect(db) as c:
        indexed = c.execute("SELECT count(*) FROM paragraphs_fts_docsize").fetchone()[0]
        paragraphs = c.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
        check(indexed == paragraphs, f"{indexed} paragraphs indexed, {paragraphs} in the table")
    # A re-ingested file replaces its entries in the index (unres maintains it per batch).
    src = Path(tmp) / "changed"
    shutil.copytree(SEEDS, src)
    db = str(Path(tmp) / "changed.db")
    run(unres, "ingest", "--db", db, "--progress", "never", str(src))
    first = sorted(src.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8").replace("cooperation", "collaboration"), encoding="utf-8")
    run(unres, "ingest", "--db", db, "--progress", "never", str(src))
    with sqlite3.connect(db) as c:
        indexed = c.execute("SELECT count(*) FROM paragraphs_fts_docsize").fetchone()[0]
        paragraphs = c.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
        check(indexed == paragraphs, f"after a re-ingest: {indexed} paragraphs indexed, {paragraphs} in the table")
        stale = c.execute("SELECT count(*) FROM paragraphs_fts f LEFT JOIN paragraphs p ON p.id = f.rowid "
                          "WHERE paragraphs_fts MATCH 'collaboration' AND p.text NOT LIKE '%collaboration%'").fetchone()[0]
        check(stale == 0, f"{stale} index hits point at rows without the word")


def case_search_upgrades_tokenizer(unres, tmp):
    """A database indexed before stemming (issue 17) gets its index made again, with the new tokenizer."""
    db = seeds_db(unres, tmp)
    stemmed = run(unres, "search", "--db", db, "--limit", "1000", "parliaments").stdout
    with sqlite3.connect(db) as c:
        c.execute("DROP TABLE paragraphs_fts")
        c.execute("CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content = 'paragraphs', content_rowid = 'id')")
        c.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('rebuild')")
        c.execute("UPDATE meta SET value = 'an older build' WHERE key = 'schema_fingerprint'")
    after = run(unres, "search", "--db", db, "--limit", "1000", "parliaments").stdout
    check(after == stemmed and stemmed, f"hits differ after the upgrade:\n{stemmed}\n---\n{after}")
    with sqlite3.connect(db) as c:
        sql = c.execute("SELECT sql FROM sqlite_master WHERE name = 'paragraphs_fts'").fetchone()[0]
        check("porter" in sql, sql)
        indexed = c.execute("SELECT count(*) FROM paragraphs_fts_docsize").fetchone()[0]
        paragraphs = c.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
        check(indexed == paragraphs, f"{indexed} paragraphs indexed, {paragraphs} in the table")


def case_read_only_mount(unres, tmp):
    """A WAL database in a directory no one may write into (a container's :ro volume) can be read (issue 17)."""
    ro = Path(tmp) / "ro"
    ro.mkdir()
    db = str(ro / "r.db")
    run(unres, "ingest", "--db", db, SEEDS)
    expected = run(unres, "search", "--db", db, "--limit", "3", "cooperation").stdout
    c = sqlite3.connect(db)
    check(c.execute("PRAGMA journal_mode").fetchone()[0] == "wal", "the database is not in WAL mode")
    c.close()  # the last connection, one that may write: -shm and -wal go, as after a writer's clean end
    before = sorted(p.name for p in ro.iterdir())
    check(not any(name.endswith(("-shm", "-wal")) for name in before), before)

    def readers_work(how, preexec=None):
        def go(*args, expect=0):
            p = subprocess.run([unres, *args], capture_output=True, text=True, preexec_fn=preexec)
            check(p.returncode == expect, f"{how}: unres {' '.join(args)}: exit {p.returncode}\n{p.stderr}")
            return p
        check(go("search", "--db", db, "--limit", "3", "cooperation").stdout == expected, f"{how}: search differs")
        check("resolutions" in go("stats", "--db", db).stdout, f"{how}: stats")
        check(go("explain", "--db", db, "68/230").stdout.startswith("A/RES/68/230\t"), f"{how}: explain")
        after = sorted(p.name for p in ro.iterdir())
        check(after == before, f"{how}: files appeared in the read-only directory: {before} -> {after}")
        check("database error" in go("ingest", "--db", db, SEEDS, "--force", expect=3).stderr, f"{how}: ingest wrote")

    methods = 0
    # 1. chattr +i on the directory: nothing may be created in it, even by root (not on tmpfs or overlay).
    if subprocess.run(["chattr", "+i", str(ro)], capture_output=True).returncode == 0:
        try:
            readers_work("immutable directory")
            methods += 1
        finally:
            subprocess.run(["chattr", "-i", str(ro)])
    # 2. Mode 0555 for a user who is not root (as root, the readers run as nobody).
    os.chmod(tmp, 0o755)
    os.chmod(db, 0o644)
    os.chmod(ro, 0o555)
    preexec = None
    if os.geteuid() == 0:
        def preexec():
            os.setgid(65534)
            os.setuid(65534)
    try:
        readers_work("directory mode 0555", preexec)
        methods += 1
    finally:
        os.chmod(ro, 0o755)
    check(methods >= 1, "no way to make a directory read-only here")


def case_view_types(unres, tmp):
    """Every column of the analyst views has a declared type, dates DATE, as BI tools read them (issue 17)."""
    db = seeds_db(unres, tmp)
    with sqlite3.connect(db) as c:
        # Not the views the full-text indexes read their text from: internals, not exported.
        fts = " ".join(sql for (sql,) in c.execute("SELECT sql FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"))
        views = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'view' AND name <> 'v_paragraphs'")
                 if f"content = '{r[0]}'" not in fts]
        check(len(views) >= 5, views)
        for view in views:
            types = dict(c.execute("SELECT name, type FROM pragma_table_info(?)", (view,)).fetchall())
            untyped = [name for name, t in types.items() if not t]
            check(not untyped, f"{view}: columns without a declared type: {untyped}")
            for name, t in types.items():
                if name in ("adopted_on", "cited_date", "due_date"):
                    check(t == "DATE", f"{view}.{name} is {t}, not DATE")
                if name == "year" or name.endswith(("_year", "session")) or (name.endswith("_id") and name != "rule_id") \
                        or name in ("mentions", "paragraphs"):
                    check(t == "INTEGER", f"{view}.{name} is {t}, not INTEGER")
        check(c.execute("SELECT count(*) FROM column_types").fetchone()[0] == 0, "column_types holds rows")
        # The values are unchanged: a date reads back as ISO text, a year as an integer.
        row = c.execute("SELECT adopted_on, year, typeof(year) FROM v_resolutions WHERE symbol = 'A/RES/68/230'").fetchone()
        check(row == ("2013-12-20", 2013, "integer"), row)


def explained_rows(stdout):
    """[(header, source text)] of `unres explain` output: a row line, then its source, one '    | ' per line."""
    rows = []
    for line in stdout.splitlines()[1:]:
        if line.startswith("    | "):
            header, text = rows[-1]
            rows[-1] = (header, line[6:] if text is None else text + "\n" + line[6:])
        elif not line.startswith(("no source text: ", "    stored: ")):
            rows.append((line, None))
    return rows


def case_explain(unres, tmp):
    db = seeds_db(unres, tmp)
    p = run(unres, "explain", "--db", db, "A/RES/68/230", "--paragraph", "13")
    first = p.stdout.splitlines()[0].split("\t")
    # Paths are stored absolute, links resolved (docs/operations.md, "Paths").
    check(first[:3] == ["A/RES/68/230", str(Path(SEEDS, "001_0943c82c3fc4f3e2.txt").resolve()), "ods-text"], p.stdout)
    raw = Path(first[1]).read_bytes()
    rows = explained_rows(p.stdout)
    tables = [header.split(" ")[0] for header, _ in rows]
    check(tables == ["paragraphs", "action_verbs", "action_verbs"], f"rows: {tables}\n{p.stdout}")
    for header, text in rows:
        start, end = map(int, re.search(r"\[(\d+), (\d+)\)$", header).groups())
        check(text == raw[start:end].decode("utf-8"), f"{header}: printed {text!r}, file has {raw[start:end]!r}")
        check("\tparagraph 13\t" in header, header)
    check(rows[1][1] == "Acknowledges and encourages", rows[1])
    check("phrase-lead-operative" in rows[1][0] and "acknowledge (lead)" in rows[1][0], rows[1][0])

    whole = run(unres, "explain", "--db", db, "A/RES/68/272")
    counts = {}
    for header, _ in explained_rows(whole.stdout):
        counts[header.split(" ")[0]] = counts.get(header.split(" ")[0], 0) + 1
    with sqlite3.connect(db) as c:
        res = "(SELECT id FROM resolutions WHERE symbol = 'A/RES/68/272')"
        expected = {
            "paragraphs": c.execute(f"SELECT count(*) FROM paragraphs WHERE resolution_id = {res}").fetchone()[0],
            "citations": c.execute(f"SELECT count(*) FROM citations WHERE resolution_id = {res}").fetchone()[0],
            "deadlines": c.execute(f"SELECT count(*) FROM deadlines WHERE resolution_id = {res}").fetchone()[0],
            "organization_mentions": c.execute(
                f"SELECT count(*) FROM organization_mentions WHERE resolution_id = {res}").fetchone()[0],
        }
    for table, n in expected.items():
        check(counts.get(table, 0) == n, f"{table}: {counts.get(table, 0)} rows explained, {n} in the database")

    run(unres, "explain", "--db", db, "A/RES/1/1", expect=2)
    run(unres, "explain", "--db", db, "A/RES/68/230", "--paragraph", "99", expect=2)

    # A source file edited after loading: no text is printed, and the output says why.
    copy = Path(tmp) / "copy"
    copy.mkdir()
    source = copy / "resolution.txt"
    shutil.copy(Path(SEEDS) / "001_0943c82c3fc4f3e2.txt", source)
    db2 = str(Path(tmp) / "copy.db")
    run(unres, "ingest", "--db", db2, str(source))
    source.write_bytes(source.read_bytes().replace(b"Acknowledges", b"ACKNOWLEDGES"))
    changed = run(unres, "explain", "--db", db2, "A/RES/68/230", "--paragraph", "13")
    check("no source text: " in changed.stdout and "changed since it was loaded" in changed.stdout, changed.stdout)
    check("    | " not in changed.stdout, changed.stdout)
    check("    stored: Acknowledges and encourages\n" in changed.stdout, changed.stdout)
    source.unlink()
    gone = run(unres, "explain", "--db", db2, "A/RES/68/230", "--paragraph", "13")
    check("no source text: " in gone.stdout and "    | " not in gone.stdout, gone.stdout)


def objects(db):
    with sqlite3.connect(db) as c:
        names = c.execute("SELECT name, type FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'view') "
                          "AND name NOT LIKE 'sqlite!_%' ESCAPE '!'").fetchall()
        # The views the full-text indexes read their text from are the indexes' internals, not exported.
        fts = " ".join(sql for (sql,) in c.execute("SELECT sql FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"))
        names = [(name, kind) for name, kind in names if f"content = '{name}'" not in fts]
        out = {}
        for name, kind in names:
            cur = c.execute(f'SELECT * FROM "{name}"')
            out[name] = ([d[0] for d in cur.description], cur.fetchall(), kind)
        return out


def as_csv_text(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def check_metadata(out, db, expected):
    meta = json.loads((out / "metadata.json").read_text(encoding="utf-8"))
    tables = meta["databases"][Path(db).stem]["tables"]
    for name, (columns, _, _) in expected.items():
        check(name in tables, f"metadata.json lacks {name}")
        check(tables[name]["description"], f"{name}: no description")
        check(set(tables[name]["columns"]) == set(columns), f"{name}: documented columns differ")
    check(tables["paragraphs"]["fts_table"] == "paragraphs_fts", "no FTS table for paragraphs")
    check("session" in tables["v_resolutions"]["facets"], "no session facet")


def case_export_csv(unres, tmp):
    db = seeds_db(unres, tmp)
    out = Path(tmp) / "csv"
    run(unres, "export", "--db", db, "--format", "csv", "--out", str(out))
    expected = objects(db)
    check({p.stem for p in out.glob("*.csv")} == set(expected), f"files: {sorted(p.name for p in out.iterdir())}")
    for name, (columns, rows, _) in expected.items():
        raw = (out / f"{name}.csv").read_bytes()
        check(raw.endswith(b"\r\n"), f"{name}.csv: records must end with CRLF")
        check(raw.startswith(b"\xef\xbb\xbf"), f"{name}.csv: no UTF-8 byte-order mark for Excel")
        with open(out / f"{name}.csv", newline="", encoding="utf-8-sig") as f:
            parsed = list(csv.reader(f, strict=True))
        check(parsed[0] == columns, f"{name}.csv header {parsed[0]} != {columns}")
        check(len(parsed) - 1 == len(rows), f"{name}.csv: {len(parsed) - 1} rows, the database has {len(rows)}")
        for got, want in zip(parsed[1:], rows):
            check(got == [as_csv_text(v) for v in want], f"{name}.csv: {got} != {want}")
    # Fields with commas, quotes and line breaks made the round trip above; make sure there were some.
    text = (out / "paragraphs.csv").read_text(encoding="utf-8")
    check('"' in text and "," in text, "paragraphs.csv has no quoted field")
    check_metadata(out, db, expected)

    # Issue 17: some tables only, a query's result, NULL apart from the empty string, no BOM on request.
    some = Path(tmp) / "some"
    run(unres, "export", "--db", db, "--out", str(some), "--table", "v_resolutions", "--table", "citations")
    check(sorted(p.name for p in some.iterdir()) == ["citations.csv", "metadata.json", "v_resolutions.csv"],
          sorted(p.name for p in some.iterdir()))
    bad = run(unres, "export", "--db", db, "--out", str(some), "--table", "nosuchtable", expect=2)
    check("--table nosuchtable: no such table or view" in bad.stderr, bad.stderr)
    run(unres, "export", "--db", db, "--out", str(some), "--no-bom", "--name", "plenary", "--query",
        "SELECT symbol, committee, '' AS empty FROM resolutions WHERE committee IS NULL ORDER BY symbol LIMIT 2")
    check((some / "plenary.csv").read_bytes() == b"symbol,committee,empty\r\nA/RES/65/124,,\"\"\r\nA/RES/67/15,,\"\"\r\n",
          (some / "plenary.csv").read_bytes())
    run(unres, "export", "--db", db, "--out", str(some), "--format", "jsonl", "--query",
        "SELECT count(*) AS n FROM resolutions")
    check((some / "query.jsonl").read_text() == '{"n":5}\n', (some / "query.jsonl").read_text())
    for sql in ("DELETE FROM resolutions", "SELECT 1; DELETE FROM resolutions", "SELEC 1"):
        p = run(unres, "export", "--db", db, "--out", str(some), "--query", sql, expect=2)
        check("bad query" in p.stderr, p.stderr)
    check(len(objects(db)["resolutions"][1]) == 5, "the database changed")
    # A file that cannot be written is named with the system's reason.
    blocked = Path(tmp) / "blocked"
    (blocked / "citations.csv").mkdir(parents=True)
    p = run(unres, "export", "--db", db, "--out", str(blocked), "--table", "citations", expect=2)
    check(f"cannot write {blocked / 'citations.csv'}: Is a directory" in p.stderr, p.stderr)
    p = run(unres, "report", "--db", db, "--out", str(blocked / "citations.csv"), expect=2)
    check(f"cannot write {blocked / 'citations.csv'}: Is a directory" in p.stderr, p.stderr)


def case_export_jsonl(unres, tmp):
    db = seeds_db(unres, tmp)
    out = Path(tmp) / "jsonl"
    run(unres, "export", "--db", db, "--format", "jsonl", "--out", str(out))
    expected = objects(db)
    check({p.stem for p in out.glob("*.jsonl")} == set(expected), f"files: {sorted(p.name for p in out.iterdir())}")
    for name, (columns, rows, _) in expected.items():
        lines = (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        check(len(lines) == len(rows), f"{name}.jsonl: {len(lines)} rows, the database has {len(rows)}")
        for line, want in zip(lines, rows):
            got = json.loads(line)
            check(list(got) == columns, f"{name}.jsonl: keys {list(got)} != {columns}")
            check(list(got.values()) == list(want), f"{name}.jsonl: {got} != {want}")
    check_metadata(out, db, expected)


def case_stats(unres, tmp):
    db = seeds_db(unres, tmp)
    p = run(unres, "stats", "--db", db)
    sections = re.split(r"\n\n", p.stdout.strip())
    check([s.splitlines()[0] for s in sections] ==
          ["rows per table", "top lemmas (action phrases)", "most cited resolutions (citing resolutions)", "last runs"],
          p.stdout)
    with sqlite3.connect(db) as c:
        for line in sections[0].splitlines()[1:]:
            name, n, *note = line.split(maxsplit=2)
            check(c.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == int(n), line)
            if name == "citations":  # a reference to a part is two rows: the note counts references
                references = c.execute("SELECT count(*) FROM citations WHERE part IS NULL").fetchone()[0]
                check(note == [f"({references} references)"] and references < int(n), line)
            else:
                check(note == [], line)
        top = c.execute("SELECT lemma, count(*) FROM action_verbs GROUP BY lemma ORDER BY 2 DESC, 1 LIMIT 1").fetchone()
    first_lemma = sections[1].splitlines()[1].split()
    check(first_lemma[:2] == [top[0], str(top[1])], f"{first_lemma} != {top}")
    check(re.search(r"^  A/RES/\S+ +2 +\(2 citations\)$", sections[2], re.M), sections[2])
    check(re.search(r"^  run 1 .* completed +5 seen, 5 loaded", sections[3], re.M), sections[3])


def case_report(unres, tmp):
    db = seeds_db(unres, tmp)
    html_path = Path(tmp) / "report.html"
    run(unres, "report", "--db", db, "--out", str(html_path))
    html = html_path.read_text(encoding="utf-8")
    check(html.count('<svg class="chart"') == 5, "expected five charts")
    stripped = html.replace("http://www.w3.org/2000/svg", "")
    for external in ("<script", "src=", "href=", "url(", "http://", "https://"):
        check(external not in stripped, f"report is not self-contained: {external}")
    run(unres, "report", "--db", db, "--out", str(Path(tmp) / "no" / "such" / "dir" / "r.html"), expect=2)


def case_docs(unres, tmp):
    p = subprocess.run([sys.executable, str(HERE / "docs.py"), unres], capture_output=True, text=True)
    check(p.returncode == 0, p.stdout + p.stderr)


def case_chapter_vii(unres, tmp):
    """Issue 15: resolutions.chapter_vii from the Security Council's "Acting under Chapter VII" (a
    fact rule of its profile), whatever the format: 1 with the paragraph that says so, 0 for an SC
    resolution without it, NULL for organs whose profile has no such rule."""
    db = str(Path(tmp) / "sc.db")
    run(unres, "ingest", "--db", db, "tests/data/akn", "tests/data/organs", SEEDS)
    with sqlite3.connect(db) as c:
        per_year = c.execute("SELECT year, count(*) FROM resolutions WHERE body = 'S' AND chapter_vii = 1 "
                             "AND language = 'en' GROUP BY year ORDER BY year").fetchall()
        check(per_year == [(2000, 1), (2016, 1), (2023, 1)], per_year)
        check(c.execute("SELECT chapter_vii FROM resolutions WHERE symbol = 'S/RES/2524(2020)'").fetchall() == [(0,)],
              "S/RES/2524(2020) is not under Chapter VII")
        others = c.execute("SELECT DISTINCT body, chapter_vii FROM resolutions WHERE body <> 'S' ORDER BY body").fetchall()
        check(others == [("A", None), ("A/HRC", None), ("E", None)], others)
        dashboard = c.execute("SELECT body, year, resolutions, chapter_vii FROM v_chapter_vii_by_year "
                              "WHERE language = 'en' ORDER BY year").fetchall()
        check(dashboard == [("S", 2000, 1, 1), ("S", 2016, 1, 1), ("S", 2020, 1, 0), ("S", 2023, 1, 1)], dashboard)
        where = c.execute("SELECT symbol, paragraph_kind, paragraph, rule_id FROM v_resolution_facts "
                          "ORDER BY symbol").fetchall()
        # S/RES/1295(2000): the XML sets the formula as a heading line, not a paragraph.
        check(where == [("S/RES/1295(2000)", None, None, "sc-chapter-vii"),
                        ("S/RES/2270(2016)", "preambular", "12", "sc-chapter-vii"),
                        ("S/RES/2701(2023)", "preambular", "16", "sc-chapter-vii")], where)
    # explain lists the row, and its offsets cut the words out of the readable text.
    for symbol in ("S/RES/1295(2000)", "S/RES/2701(2023)"):
        rows = [(h, t) for h, t in explained_rows(run(unres, "explain", "--db", db, symbol).stdout)
                if h.startswith("resolution_facts ")]
        check(len(rows) == 1 and "\tsc-chapter-vii\tfact chapter_vii\t" in rows[0][0], rows)
        check(rows[0][1] == "Acting under Chapter VII", rows)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    unres, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="unres-surface-") as tmp:
        try:
            globals()[f"case_{case}"](unres, tmp)
        except Failure as e:
            print(f"FAIL {case}: {e}", file=sys.stderr)
            sys.exit(1)
    print(f"ok {case}")


if __name__ == "__main__":
    main()
