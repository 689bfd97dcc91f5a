#!/usr/bin/env python3
"""Nightly-job, path, id and counting scenarios (issue 17), driving the real binary.

usage: issue17.py UNRES DATA_DIR SCENARIO
Scenarios: part_citations, past_deadlines, stable_ids, moved_corpus, missing_forget, report_always,
report_dir, sigpipe, persistent_quarantine, quiet, missing_path. Exit 0 when it holds.
"""
import json, os, shutil, sqlite3, subprocess, sys, tempfile

UNRES, DATA = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def run(*args, cwd=None, check=None):
    p = subprocess.run([UNRES, *args], capture_output=True, text=True, cwd=cwd)
    if check is not None and p.returncode != check:
        fail(f"{' '.join(args)}: exit {p.returncode}, expected {check}: {p.stderr}")
    return p


def q(db, sql, *params):
    con = sqlite3.connect(db)
    out = con.execute(sql, params).fetchall()
    con.close()
    return out


def seeds_copy(tmp, name="corpus"):
    d = os.path.join(tmp, name)
    shutil.copytree(os.path.join(DATA, "seeds"), d)
    return d


def part_citations(tmp):
    # "57/270 B": two rows, the part's marked; part IS NULL counts the reference once, and stats,
    # the report's numbers and the documented count agree.
    db = os.path.join(tmp, "p.db")
    run("ingest", "--db", db, os.path.join(DATA, "seeds"), check=0)
    rows = q(db, "SELECT target, part FROM citations WHERE surface LIKE '57/270 B%' ORDER BY target")
    if not rows or ("A/RES/57/270", None) not in rows or ("A/RES/57/270 B", "B") not in rows:
        fail(f"57/270 B rows: {rows}")
    dup = q(db, "SELECT count(*) FROM (SELECT 1 FROM citations WHERE part IS NULL GROUP BY resolution_id, "
                "coalesce(paragraph_id, -1), coalesce(footnote_id, -1), start_offset, kind HAVING count(*) > 1)")[0][0]
    if dup:
        fail(f"{dup} references counted twice among part IS NULL rows")
    refs = q(db, "SELECT count(*) FROM citations WHERE part IS NULL")[0][0]
    stats = run("stats", "--db", db, check=0).stdout
    line = [l for l in stats.splitlines() if l.strip().startswith("citations")]
    if not line or f"{refs} references" not in line[0]:
        fail(f"stats does not count {refs} references: {line}")
    cited = [l for l in stats.split("most cited")[1].splitlines() if "A/RES/57/270" in l]
    if any("A/RES/57/270 B" in l for l in cited):
        fail(f"most cited lists the part as another resolution: {cited}")
    html = os.path.join(tmp, "r.html")
    run("report", "--db", db, "--out", html, check=0)
    if "A/RES/57/270 B" in open(html, encoding="utf-8").read():
        fail("the report's charts list the part A/RES/57/270 B beside A/RES/57/270")


def past_deadlines(tmp):
    # A past session of the Assembly is no deadline; "Assembly" and no body read as General Assembly.
    db = os.path.join(tmp, "d.db")
    run("ingest", "--db", db, os.path.join(DATA, "seeds"), check=0)
    bad = q(db, "SELECT r.symbol, d.session FROM deadlines d JOIN resolutions r ON r.id = d.resolution_id "
                "WHERE d.body = 'General Assembly' AND d.session < r.session")
    if bad:
        fail(f"past sessions as deadlines: {bad}")
    bodies = q(db, "SELECT DISTINCT coalesce(body, 'NULL') FROM deadlines")
    if ("NULL",) in bodies or ("Assembly",) in bodies:
        fail(f"bodies not normalized: {bodies}")
    # The case, written into a copy of a real resolution.
    d = seeds_copy(tmp, "past")
    marker = "Requests the Secretary-General"
    name = next(n for n in sorted(os.listdir(d)) if marker in open(os.path.join(d, n), encoding="utf-8").read())
    text = open(os.path.join(d, name), encoding="utf-8").read()
    if marker not in text:
        fail(f"{name}: no '{marker}' to edit")
    text = text.replace(marker, "Takes note of the report of the Secretary-General submitted to the General Assembly "
                                "at its sixty-second session, and requests the Secretary-General", 1)
    open(os.path.join(d, name), "w", encoding="utf-8").write(text)
    db2 = os.path.join(tmp, "d2.db")
    run("ingest", "--db", db2, d, check=0)
    got = q(db2, "SELECT session FROM deadlines WHERE session = 62")
    if got:
        fail(f"'submitted to the General Assembly at its sixty-second session' became a deadline: {got}")


def stable_ids(tmp):
    d = seeds_copy(tmp)
    db = os.path.join(tmp, "s.db")
    run("ingest", "--db", db, d, check=0)
    key = "SELECT r.id, r.symbol, p.id, p.kind, p.ordinal, coalesce(p.parent_id, 0) FROM paragraphs p " \
          "JOIN resolutions r ON r.id = p.resolution_id ORDER BY p.id"
    before = q(db, key)
    docs = q(db, "SELECT id, path FROM documents ORDER BY id")
    # Change the first file (a word in its text), so that it is reloaded.
    name = sorted(os.listdir(d))[0]
    path = os.path.join(d, name)
    text = open(path, encoding="utf-8").read()
    head, sep, tail = text.rpartition(" the ")  # in the last paragraph: the layout is unchanged
    open(path, "w", encoding="utf-8").write(head + " the very " + tail)
    run("ingest", "--db", db, d, check=0)
    after = q(db, key)
    if sorted(before) != sorted(after):
        fail(f"ids moved on reload: {sorted(set(before) ^ set(after))[:6]}")
    if docs != q(db, "SELECT id, path FROM documents ORDER BY id"):
        fail("document ids moved on reload")


def moved_corpus(tmp):
    # Another working directory, then the corpus moved: no conflicting symbol, ids kept.
    d = seeds_copy(tmp)
    db = os.path.join(tmp, "m.db")
    run("ingest", "--db", db, "corpus", cwd=tmp, check=0)
    paths = [p for (p,) in q(db, "SELECT path FROM documents")]
    if not all(os.path.isabs(p) for p in paths):
        fail(f"paths not absolute: {paths[:2]}")
    ids = q(db, "SELECT id, symbol FROM resolutions ORDER BY id")
    p = run("ingest", "--db", db, os.path.join(tmp, "corpus"), cwd="/", check=0)
    if "unchanged" not in p.stderr or q(db, "SELECT count(*) FROM documents")[0][0] != 5:
        fail(f"same corpus from another directory: {p.stderr}")
    os.rename(d, os.path.join(tmp, "moved"))
    p = run("ingest", "--db", db, os.path.join(tmp, "moved"), check=0)
    if "conflicting symbol" in p.stderr or q(db, "SELECT count(*) FROM quarantine")[0][0]:
        fail(f"moved corpus quarantined: {p.stderr}")
    if ids != q(db, "SELECT id, symbol FROM resolutions ORDER BY id"):
        fail("resolution ids changed when the corpus moved")


def missing_forget(tmp):
    d = seeds_copy(tmp)
    db = os.path.join(tmp, "f.db")
    run("ingest", "--db", db, d, check=0)
    name = sorted(os.listdir(d))[0]
    gone = os.path.realpath(os.path.join(d, name))
    os.remove(gone)
    report = os.path.join(tmp, "run.json")
    p = run("ingest", "--db", db, "--report", report, d, check=1)
    if "missing" not in p.stderr or gone not in p.stderr:
        fail(f"a deleted file is not reported: {p.stderr}")
    if json.load(open(report))["missing"] != [gone]:
        fail(f"report's missing: {json.load(open(report))['missing']}")
    if q(db, "SELECT count(*) FROM documents WHERE path = ? AND missing_since IS NOT NULL", gone)[0][0] != 1:
        fail("the missing file is not marked, or its rows were dropped")
    run("forget", "--db", db, os.path.join(tmp, "nothing-here"), check=2)
    run("forget", "--db", db, gone, check=0)
    if q(db, "SELECT count(*) FROM documents WHERE path = ?", gone)[0][0] or q(db, "SELECT count(*) FROM resolutions")[0][0] != 4:
        fail("unres forget left rows")
    run("ingest", "--db", db, d, check=0)


def report_always(tmp):
    # Lock held (exit 3) and a bad database (exit 3): the report says failed, not last night's success.
    d = seeds_copy(tmp)
    db = os.path.join(tmp, "l.db")
    report = os.path.join(tmp, "run.json")
    run("ingest", "--db", db, "--report", report, d, check=0)
    r = json.load(open(report))
    for k in ("started_at", "finished_at", "new_symbols", "quarantined", "missing", "exit_code"):
        if k not in r:
            fail(f"report lacks {k}: {sorted(r)}")
    if len(r["new_symbols"]) != 5 or r["files"]["unchanged"] != 0 or "skipped" in r["files"]:
        fail(f"report: {r}")
    if any(len(repr(v)) > 8 for v in r["stage_seconds"].values()):
        fail(f"timings not rounded: {r['stage_seconds']}")
    import fcntl
    with open(db + ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        run("ingest", "--db", db, "--report", report, d, check=3)
        fcntl.flock(lock, fcntl.LOCK_UN)
    r = json.load(open(report))
    if r["status"] != "failed" or r["exit_code"] != 3 or not r["error"]:
        fail(f"report after a held lock: {r}")
    bad = os.path.join(tmp, "bad.db")
    open(bad, "w").write("not a database" * 100)
    run("ingest", "--db", bad, "--report", report, d, check=3)
    if json.load(open(report))["status"] != "failed":
        fail("report after a bad database is not 'failed'")


def report_dir(tmp):
    d = seeds_copy(tmp)
    db = os.path.join(tmp, "x.db")
    p = run("ingest", "--db", db, "--report", os.path.join(tmp, "no", "such", "dir", "r.json"), d, check=2)
    if os.path.exists(db):
        fail("the database was written before the --report directory was checked")
    if "does not exist" not in p.stderr:
        fail(p.stderr)


def sigpipe(tmp):
    d = seeds_copy(tmp)
    db = os.path.join(tmp, "sp.db")
    p = subprocess.run(f"'{UNRES}' ingest -v --db '{db}' '{d}' 2>&1 | head -c 1", shell=True,
                       capture_output=True, text=True)
    del p
    status = q(db, "SELECT status FROM ingest_runs")
    if status != [("completed",)]:
        fail(f"run after a closed pipe: {status}")


def persistent_quarantine(tmp):
    d = seeds_copy(tmp)
    open(os.path.join(d, "bad.txt"), "w").write("")
    db = os.path.join(tmp, "pq.db")
    report = os.path.join(tmp, "run.json")
    run("ingest", "--db", db, d, check=1)
    p = run("ingest", "--db", db, "--report", report, d, check=1)
    if "still quarantined" not in p.stderr or "empty file" not in p.stderr:
        fail(f"a file still bad is not reported: {p.stderr}")
    r = json.load(open(report))
    if r["files"]["quarantined"] != 1 or r["quarantined"][0]["new"] is not False:
        fail(f"report: {r['files']} {r['quarantined']}")


def quiet(tmp):
    d = seeds_copy(tmp)
    db = os.path.join(tmp, "q.db")
    p = run("ingest", "--quiet", "--db", db, d, check=0)
    if p.stderr:
        fail(f"--quiet printed on success: {p.stderr}")
    open(os.path.join(d, "bad.txt"), "w").write("")
    p = run("ingest", "--quiet", "--db", db, d, check=1)
    if "quarantined" not in p.stderr:
        fail("--quiet hid a problem")


def missing_path(tmp):
    db = os.path.join(tmp, "mp.db")
    report = os.path.join(tmp, "run.json")
    p = run("ingest", "--db", db, "--report", report, os.path.join(tmp, "typo"), check=2)
    if "no such file or directory" not in p.stderr or os.path.exists(db):
        fail(p.stderr)
    if json.load(open(report))["exit_code"] != 2:
        fail("report of a usage error")


if __name__ == "__main__":
    scenario = sys.argv[3]
    with tempfile.TemporaryDirectory() as tmp:
        globals()[scenario](tmp)
    print("ok:", scenario)
