#!/usr/bin/env python3
"""Scheduled-ingest scenarios, driving the real binary and checking the database after each.

usage: ingest_jobs.py UNRES DATA_DIR SCENARIO
Scenarios: rerun, modified, bad_inputs, kill9, reader, first_load_reader, concurrent, sigterm. Exit 0 when it holds.
"""
import json, os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time

UNRES, DATA = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
GEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "gen-corpus.py")
TABLES = ["documents", "resolutions", "paragraphs", "action_verbs", "organization_mentions", "footnotes",
          "footnote_refs", "citations", "deadlines"]

def ingest(db, *paths, extra=(), check=None):
    report = db + ".report.json"
    p = subprocess.run([UNRES, "ingest", "--db", db, "--progress", "never", "--report", report, *extra, *paths],
                       capture_output=True, text=True)
    if check is not None and p.returncode != check:
        fail(f"ingest exit {p.returncode}, expected {check}: {p.stderr}")
    return p.returncode, (json.load(open(report)) if os.path.exists(report) else None), p.stderr

def counts(db):
    con = sqlite3.connect(db)
    out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    con.close()
    return out

def per_resolution(db):
    con = sqlite3.connect(db)
    # Killed before the schema's first transaction committed, the database is empty: nothing loaded.
    if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'resolutions'").fetchone():
        con.close()
        return {}
    out = dict(con.execute("SELECT r.symbol, count(p.id) FROM resolutions r LEFT JOIN paragraphs p "
                           "ON p.resolution_id = r.id GROUP BY r.id"))
    con.close()
    return out

def integrity(db):
    con = sqlite3.connect(db)
    ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    fk = con.execute("PRAGMA foreign_key_check").fetchall()
    con.close()
    if ok != "ok" or fk:
        fail(f"integrity: {ok}, foreign keys: {fk[:5]}")

def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)

def corpus(tmp, n):
    d = os.path.join(tmp, "corpus")
    subprocess.check_call([sys.executable, GEN, str(n), d])
    return d

def rerun(tmp):
    db = os.path.join(tmp, "r.db")
    _, first, _ = ingest(db, os.path.join(DATA, "seeds"), check=0)
    _, second, _ = ingest(db, os.path.join(DATA, "seeds"), check=0)
    if first["files"]["loaded"] != 5 or second["files"]["loaded"] != 0 or second["files"]["unchanged"] != 5:
        fail(f"second run should skip all: {first['files']} then {second['files']}")
    if first["rows"] != second["rows"]:
        fail("row counts changed on a no-op run")
    # Byte-identical query results: a fresh database from the same inputs dumps the same.
    db2 = os.path.join(tmp, "r2.db")
    ingest(db2, os.path.join(DATA, "seeds"), check=0)
    dump = lambda d: subprocess.run(["sqlite3", d, "SELECT * FROM paragraphs ORDER BY id; SELECT * FROM citations ORDER BY id;"],
                                    capture_output=True).stdout
    if dump(db) != dump(db2):
        fail("two databases built from the same inputs differ")

def modified(tmp):
    src = os.path.join(tmp, "in")
    shutil.copytree(os.path.join(DATA, "seeds"), src)
    db = os.path.join(tmp, "m.db")
    ingest(db, src, check=0)
    before = counts(db)
    victim = sorted(os.listdir(src))[2]
    with open(os.path.join(src, victim), "a") as f:
        f.write("\n")
    _, rep, _ = ingest(db, src, check=0)
    if rep["files"]["loaded"] != 1 or rep["files"]["unchanged"] != 4:
        fail(f"one changed file should be re-loaded once: {rep['files']}")
    if counts(db) != before:
        fail(f"row counts changed: {before} -> {counts(db)}")
    # Touched but not changed: skipped after re-hashing.
    os.utime(os.path.join(src, victim))
    _, rep, _ = ingest(db, src, check=0)
    if rep["files"]["loaded"] != 0:
        fail(f"a touched file with the same bytes should not be re-loaded: {rep['files']}")
    _, rep, _ = ingest(db, src, extra=["--force"], check=0)
    if rep["files"]["loaded"] != 5 or counts(db) != before:
        fail(f"--force re-processes everything once: {rep['files']}")

def bad_inputs(tmp):
    d = os.path.join(tmp, "bad")
    os.makedirs(d)
    seeds = sorted(os.listdir(os.path.join(DATA, "seeds")))
    good = [os.path.join(DATA, "seeds", s) for s in seeds]
    for i, g in enumerate(good[:3]):
        shutil.copy(g, os.path.join(d, f"good{i}.txt"))
    shutil.copy(good[0], os.path.join(d, "zz_conflict.txt"))   # claims good0's symbol
    text = open(good[3], encoding="utf-8").read()
    open(os.path.join(d, "empty.txt"), "w").close()
    open(os.path.join(d, "binary.bin"), "wb").write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    open(os.path.join(d, "latin.txt"), "wb").write(b"Resolution \xff\xfe adopted \x00")
    open(os.path.join(d, "truncated.txt"), "w").write(text[: text.index("1.\t")])
    open(os.path.join(d, "noresolution.txt"), "w").write("Minutes of a meeting.\nNothing to see.\n")
    cp = text.replace("\u2013", "-").replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    cp = cp.replace("67/15", "67/16").replace("A/RES/67/15", "A/RES/67/16")
    open(os.path.join(d, "cp1252.txt"), "wb").write(cp.replace("Assembly,\n", "Assembly,\n", 1).encode("cp1252").replace(b"Recalling", b"Recalling\x93", 1))
    open(os.path.join(d, "big.txt"), "w").write("x" * 300000)
    os.symlink("missing-target", os.path.join(d, "dangling.txt"))
    os.symlink("loop_b", os.path.join(d, "loop_a"))
    os.symlink("loop_a", os.path.join(d, "loop_b"))
    os.mkfifo(os.path.join(d, "fifo"))
    os.symlink(".", os.path.join(d, "self_dir_link"))   # a directory link cycle must not hang
    db = os.path.join(tmp, "b.db")
    code, rep, err = ingest(db, d, extra=["--max-file-size", "200000"])
    if code != 1:
        fail(f"exit {code}, expected 1: {err}")
    con = sqlite3.connect(db)
    q = {os.path.basename(p): (stage, reason) for p, stage, reason in con.execute("SELECT path, stage, reason FROM quarantine")}
    loaded = {os.path.basename(p) for (p,) in con.execute("SELECT path FROM documents WHERE status = 'loaded'")}
    expect = {"empty.txt": "empty file", "binary.bin": "binary file", "latin.txt": "binary file",
              "truncated.txt": "no operative paragraph", "noresolution.txt": "no known layout",
              "big.txt": "over the limit", "dangling.txt": "No such file", "loop_a": "symbolic links",
              "loop_b": "symbolic links", "fifo": "not a regular file", "zz_conflict.txt": "conflicting symbol"}
    for name, why in expect.items():
        if name not in q or why not in q[name][1]:
            fail(f"{name}: expected quarantine with '{why}', got {q.get(name)}")
    if {"good0.txt", "good1.txt", "good2.txt", "cp1252.txt"} - loaded:
        fail(f"good files not loaded: {loaded}")
    enc = con.execute("SELECT encoding FROM documents WHERE path LIKE '%cp1252.txt'").fetchone()[0]
    if enc != "windows-1252" or "decoded as windows-1252" not in err:
        fail(f"cp1252 file: encoding {enc}, log {err}")
    listing = subprocess.run([UNRES, "quarantine", "list", "--db", db], capture_output=True, text=True).stdout
    if "truncated.txt" not in listing or "no operative paragraph" not in listing:
        fail("quarantine list does not show the reasons")
    # Unchanged bad files are not quarantined again; --retry-quarantined tries them again.
    code, rep, _ = ingest(db, d, extra=["--max-file-size", "200000"])
    n_after = con.execute("SELECT count(*) FROM quarantine").fetchone()[0]
    code, rep, _ = ingest(db, d, extra=["--max-file-size", "200000", "--retry-quarantined"])
    if rep["files"]["quarantined"] < len(expect) - 5:
        fail(f"--retry-quarantined should try the quarantined files again: {rep['files']}")
    con.close()
    integrity(db)

def reference(tmp, src):
    ref = os.path.join(tmp, "ref.db")
    ingest(ref, src, check=0)
    return counts(ref), per_resolution(ref)

def kill9(tmp):
    src = corpus(tmp, 1500)
    want, want_per = reference(tmp, src)
    db = os.path.join(tmp, "k.db")
    random.seed(7)
    for attempt in range(4):
        p = subprocess.Popen([UNRES, "ingest", "--db", db, "--progress", "never", "--batch-size", "20", src],
                             stderr=subprocess.DEVNULL)
        time.sleep(0.05 + 0.45 * random.random())  # from before the schema exists to mid-load
        p.send_signal(signal.SIGKILL)
        p.wait()
        integrity(db)
        got = per_resolution(db)
        half = {s: n for s, n in got.items() if n != want_per.get(s)}
        if half:
            fail(f"half-loaded resolutions after kill -9 #{attempt}: {list(half.items())[:3]}")
    ingest(db, src, check=0)
    integrity(db)
    if counts(db) != want:
        fail(f"after resuming: {counts(db)} != {want}")

def reader(tmp):
    src = corpus(tmp, 1000)
    db = os.path.join(tmp, "reader.db")
    ingest(db, os.path.join(DATA, "seeds"), check=0)
    p = subprocess.Popen([UNRES, "ingest", "--db", db, "--progress", "never", "--batch-size", "20", src],
                         stderr=subprocess.DEVNULL)
    reads = 0
    while p.poll() is None:
        con = sqlite3.connect(db, timeout=10)
        try:
            con.execute("SELECT count(*) FROM paragraphs JOIN resolutions r ON r.id = resolution_id").fetchone()
            con.execute("SELECT * FROM v_resolutions LIMIT 5").fetchall()
        except sqlite3.Error as e:
            fail(f"a reader saw an error during ingest: {e}")
        finally:
            con.close()
        reads += 1
    if p.returncode != 0 or reads < 3:
        fail(f"ingest exit {p.returncode}, {reads} reads")

def first_load_reader(tmp):
    # A first load writes through a rollback journal: a reader that polls meanwhile waits for each
    # commit instead of failing, and the database is back in WAL at the end.
    src = corpus(tmp, 1000)
    db = os.path.join(tmp, "first.db")
    p = subprocess.Popen([UNRES, "ingest", "--db", db, "--progress", "never", "--batch-size", "20", src],
                         stderr=subprocess.DEVNULL)
    reads = 0
    while p.poll() is None:
        if not os.path.exists(db):
            time.sleep(0.01)
            continue
        con = sqlite3.connect(db, timeout=30)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'paragraphs'").fetchone()[0]:
                con.execute("SELECT count(*) FROM paragraphs").fetchone()
                reads += 1
        except sqlite3.Error as e:
            fail(f"a reader saw an error during a first load: {e}")
        finally:
            con.close()
    if p.returncode != 0 or reads < 3:
        fail(f"ingest exit {p.returncode}, {reads} reads")
    integrity(db)
    con = sqlite3.connect(db)
    mode = con.execute("PRAGMA journal_mode").fetchone()[0]
    con.close()
    if mode != "wal" or counts(db)["resolutions"] != 1000:
        fail(f"journal mode {mode}, {counts(db)}")

def holds_lock(path):
    """Whether some process holds a lock on `path` (Linux: /proc/locks lists it by inode)."""
    try:
        inode = os.stat(path).st_ino
        with open("/proc/locks") as f:
            return any(line.split()[5].endswith(f":{inode}") for line in f if len(line.split()) > 5)
    except OSError:
        return False

def concurrent(tmp):
    src = corpus(tmp, 1000)
    db = os.path.join(tmp, "c.db")
    first = subprocess.Popen([UNRES, "ingest", "--db", db, "--progress", "never", src], stderr=subprocess.DEVNULL)
    # The second starts once the first holds the writer lock, however fast this machine loads.
    deadline = time.time() + 20
    while not holds_lock(db + ".lock") and first.poll() is None and time.time() < deadline:
        time.sleep(0.005)
    if first.poll() is not None:
        fail("the first ingest ended before the test saw it holding the lock")
    second = subprocess.run([UNRES, "ingest", "--db", db, "--progress", "never", src], capture_output=True, text=True)
    waiting = subprocess.run([UNRES, "ingest", "--db", db, "--progress", "never", "--wait", src], capture_output=True, text=True)
    first.wait()
    if first.returncode != 0:
        fail(f"first ingest exit {first.returncode}")
    if second.returncode != 3 or "another unres ingest" not in second.stderr:
        fail(f"second ingest should fail with exit 3 and a clear message: {second.returncode} {second.stderr}")
    if waiting.returncode != 0:
        fail(f"--wait should wait and succeed: {waiting.returncode} {waiting.stderr}")
    integrity(db)
    if counts(db)["resolutions"] != 1000:
        fail(f"expected 1000 resolutions, {counts(db)}")

def wait_for_documents(db, p):
    """Returns once the ingest `p` has committed some documents to `db` (fails if it ends first)."""
    while p.poll() is None:
        if os.path.exists(db):
            con = sqlite3.connect(db, timeout=30)
            try:
                if con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'documents'").fetchone()[0] and \
                        con.execute("SELECT count(*) FROM documents").fetchone()[0] > 0:
                    return
            except sqlite3.Error:
                pass  # the schema is being created
            finally:
                con.close()
        time.sleep(0.005)
    fail("the ingest ended before the test saw any document committed")

def sigterm(tmp):
    src = corpus(tmp, 2000)
    want, _ = reference(tmp, src)
    db = os.path.join(tmp, "t.db")
    p = subprocess.Popen([UNRES, "ingest", "--db", db, "--progress", "never", "--batch-size", "20", src],
                         stderr=subprocess.PIPE, text=True)
    wait_for_documents(db, p)  # mid-load, however fast this machine loads
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate()
    if p.returncode != 130:
        fail(f"SIGTERM: exit {p.returncode}, expected 130 ({err})")
    con = sqlite3.connect(db)
    status = con.execute("SELECT status FROM ingest_runs ORDER BY id DESC LIMIT 1").fetchone()[0]
    con.close()
    if status != "interrupted":
        fail(f"run recorded as {status}")
    integrity(db)
    _, rep, _ = ingest(db, src, check=0)
    if rep["files"]["unchanged"] == 0 or counts(db) != want:
        fail(f"resume: {rep['files']}, {counts(db)} != {want}")

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        globals()[sys.argv[3]](tmp)
    print("ok", sys.argv[3])
