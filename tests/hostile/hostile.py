#!/usr/bin/env python3
"""Hostile inputs, rules and database faults, each run through the unres binary with a bound on
wall time and on peak memory (ru_maxrss of the process, from os.wait4):

    hostile.py UNRES CASE [--sanitized]

Every case must end within its bounds, with the expected exit code and a clear message, and
leave a database that passes PRAGMA integrity_check. Inputs are generated at test time into a
temporary directory (gen.py). With --sanitized (an ASan/UBSan Debug build, 10-30x slower and
heavier) the 50 MB and one-million-paragraph inputs are a tenth of that size and the bounds are
scaled; the shape of every check is the same.
"""
import argparse
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "tests", "data")
MAPPINGS = os.path.join(ROOT, "mappings")


class Check:
    def __init__(self):
        self.failures = 0

    def ok(self, what, cond, detail=""):
        if cond:
            print(f"ok: {what}")
        else:
            self.failures += 1
            print(f"FAIL: {what}" + (f": {detail}" if detail else ""))
        return cond

    def eq(self, what, got, want):
        return self.ok(f"{what} = {want!r}", got == want, f"got {got!r}")

    def contains(self, what, text, part):
        return self.ok(f"{what} has {part!r}", part in text, f"got {text[-2000:]!r}")


class Runner:
    def __init__(self, unres, sanitized, check, tmp):
        self.unres = unres
        self.sanitized = sanitized
        self.check = check
        self.tmp = tmp
        self.scale = 0.1 if sanitized else 1.0

    def bounds(self, seconds, mib):
        """Release bounds, scaled for a sanitizer build (Debug -O0 with ASan: slower, with shadow
        memory and a 256 MB quarantine)."""
        if self.sanitized:
            return seconds * 15 + 10, mib * 3 + 512
        return seconds, mib

    def run(self, args, seconds, mib, expect_rc, preexec=None, env=None, label="unres"):
        """Runs unres ARGS; checks the exit code and the bounds. Returns (rc, stderr+stdout)."""
        seconds, mib = self.bounds(seconds, mib)
        out_path = os.path.join(self.tmp, "out.txt")
        with open(out_path, "wb") as out:
            start = time.monotonic()
            proc = subprocess.Popen([self.unres] + args, stdout=out, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, preexec_fn=preexec, env=env)
            # A watchdog: a hang is a failure, not a stuck test.
            killed = []

            def kill():
                killed.append(True)
                os.kill(proc.pid, signal.SIGKILL)
            timer = threading.Timer(seconds * 2 + 30, kill)
            timer.start()
            _, status, usage = os.wait4(proc.pid, 0)
            timer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)
            elapsed = time.monotonic() - start
        with open(out_path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        peak = usage.ru_maxrss / 1024  # KiB -> MiB
        print(f"{label} {' '.join(os.path.basename(a) if os.path.isabs(a) else a for a in args)[:160]}")
        print(f"  exit {proc.returncode}, {elapsed:.2f} s (bound {seconds:.0f} s), peak RSS {peak:.0f} MiB "
              f"(bound {mib:.0f} MiB)")
        for line in text.splitlines()[-6:]:
            print(f"  | {line[:300]}")
        self.check.ok("did not hang", not killed)
        if expect_rc is not None:
            self.check.eq("exit code", proc.returncode, expect_rc)
        self.check.ok(f"time {elapsed:.2f} s <= {seconds:.0f} s", elapsed <= seconds)
        self.check.ok(f"peak RSS {peak:.0f} MiB <= {mib:.0f} MiB", peak <= mib)
        return proc.returncode, text

    def ingest(self, db, paths, seconds=20, mib=1024, expect_rc=0, extra=(), **kw):
        return self.run(["ingest", "--db", db, "--progress=never"] + list(extra) + list(paths),
                        seconds, mib, expect_rc, **kw)


def query(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def one(db, sql, *args):
    rows = query(db, sql, *args)
    return rows[0][0] if rows else None


def integrity(c, db):
    c.eq("PRAGMA integrity_check", one(db, "PRAGMA integrity_check"), "ok")
    c.eq("PRAGMA foreign_key_check", query(db, "PRAGMA foreign_key_check"), [])


def whole_documents(c, db):
    """Nothing half-written: every loaded document has its resolutions, every resolution its
    paragraphs, and no row points at a document that is not there."""
    c.eq("loaded documents without a resolution",
         one(db, "SELECT count(*) FROM documents d WHERE d.status = 'loaded' AND NOT EXISTS "
                 "(SELECT 1 FROM resolutions r WHERE r.document_id = d.id)"), 0)
    c.eq("resolutions without paragraphs",
         one(db, "SELECT count(*) FROM resolutions r WHERE NOT EXISTS "
                 "(SELECT 1 FROM paragraphs p WHERE p.resolution_id = r.id)"), 0)
    c.eq("rejected documents with rows",
         one(db, "SELECT count(*) FROM documents d JOIN resolutions r ON r.document_id = d.id "
                 "WHERE d.status = 'rejected'"), 0)


def quarantine(db):
    return {os.path.basename(p): (stage, reason) for p, stage, reason in
            query(db, "SELECT path, stage, reason FROM quarantine")}


# --- hostile inputs ---------------------------------------------------------------------------

def case_one_line_50mb(r, c):
    path = gen.one_line(os.path.join(r.tmp, "one-line.txt"), int(50 * 2**20 * r.scale))
    db = os.path.join(r.tmp, "db.sqlite")
    r.ingest(db, [path], seconds=20, mib=1024, expect_rc=1)
    c.eq("quarantined", quarantine(db).get("one-line.txt"),
         ("split", "no resolution found: no line opens a resolution (such as 'Resolution adopted by the General Assembly')"))
    integrity(c, db)


def case_paragraph_50mb(r, c):
    path = gen.long_paragraph(os.path.join(r.tmp, "long.txt"), int(50 * 2**20 * r.scale))
    db = os.path.join(r.tmp, "db.sqlite")
    r.ingest(db, [path], seconds=20, mib=1536)
    c.eq("documents loaded", one(db, "SELECT count(*) FROM documents WHERE status = 'loaded'"), 1)
    longest = one(db, "SELECT max(length(text)) FROM paragraphs")
    c.ok(f"the long paragraph is loaded whole ({longest} characters)", longest >= 0.99 * os.path.getsize(path) - 1000)
    units = os.path.getsize(path) // len(gen.SENTENCE)
    # Each sentence cites two resolutions and asks for a report at the seventieth session.
    c.ok("citations of every sentence", one(db, "SELECT count(*) FROM citations") >= 2 * units * 0.99)
    c.ok("deadlines of every sentence", one(db, "SELECT count(*) FROM deadlines") >= units * 0.99)
    integrity(c, db)
    whole_documents(c, db)


def case_million_paragraphs(r, c):
    count = int(1_000_000 * r.scale)
    path = gen.many_paragraphs(os.path.join(r.tmp, "million.txt"), count)
    db = os.path.join(r.tmp, "db.sqlite")
    # 30 s: two million rows and their full-text index are written (13-17 s on an idle 2-core machine).
    r.ingest(db, [path], seconds=30, mib=1536)
    c.eq("operative paragraphs", one(db, "SELECT count(*) FROM paragraphs WHERE kind = 'operative'"), count)
    c.eq("lead verbs", one(db, "SELECT count(*) FROM action_verbs WHERE is_lead = 1 AND lemma = 'decide'"), count)
    integrity(c, db)
    whole_documents(c, db)


def case_nested_labels_10k(r, c):
    path = gen.nested_labels(os.path.join(r.tmp, "nested.txt"), 10_000)
    db = os.path.join(r.tmp, "db.sqlite")
    r.ingest(db, [path], seconds=10, mib=512)
    c.eq("sub-paragraphs", one(db, "SELECT count(*) FROM paragraphs WHERE parent_id IS NOT NULL"), 10_001)
    # Nesting is two levels deep at most (letters, then roman numerals), whatever the labels.
    c.eq("paragraphs three levels down",
         one(db, "SELECT count(*) FROM paragraphs p JOIN paragraphs q ON q.id = p.parent_id "
                 "JOIN paragraphs g ON g.id = q.parent_id WHERE g.parent_id IS NOT NULL"), 0)
    # (ii), (iv), (ix), (vi) ... as letters after (ih), (iu) ... are read as roman numerals: a few more.
    c.ok("roman sub-paragraphs under letters",
         7_500 <= one(db, "SELECT count(*) FROM paragraphs p JOIN paragraphs q ON q.id = p.parent_id "
                          "WHERE q.parent_id IS NOT NULL") <= 7_520)
    rc, _ = r.run(["explain", "--db", db, "A/RES/68/272", "--paragraph", "1"], 10, 512, 0)
    integrity(c, db)


def case_nul_and_invalid_utf8(r, c):
    d = os.path.join(r.tmp, "in")
    os.mkdir(d)
    clean = gen.with_bytes(os.path.join(r.tmp, "probe.txt"), b"")
    at = open(clean, "rb").read().index(b"ABOVE ALL")
    gen.with_bytes(os.path.join(d, "nul.txt"), b"\x00")
    gen.with_bytes(os.path.join(d, "nuls.txt"), b"\x00" * 100_000)
    gen.with_bytes(os.path.join(d, "undefined-byte.txt"), b"\x81")           # no character in UTF-8 or Windows-1252
    gen.with_bytes(os.path.join(d, "utf8-then-bad.txt"), "é".encode() + b"\x9d")
    gen.with_bytes(os.path.join(d, "control.txt"), b"\xe9\x01")                # Latin-1 letter, then a control byte
    gen.with_bytes(os.path.join(d, "cp1252.txt"), b"\xe9t\xe9 ", "68/1")      # "été" in Windows-1252: decoded
    gen.with_bytes(os.path.join(d, "overlong.txt"), b"\xc0\xaf ", "68/2")     # not UTF-8; both bytes are Windows-1252
    db = os.path.join(r.tmp, "db.sqlite")
    r.ingest(db, [d], seconds=10, mib=512, expect_rc=1)
    q = quarantine(db)
    c.eq("NUL", q.get("nul.txt"), ("normalize", f"binary file (NUL byte at offset {at})"))
    c.eq("NULs", q.get("nuls.txt"), ("normalize", f"binary file (NUL byte at offset {at})"))
    c.eq("undefined byte", q.get("undefined-byte.txt"), ("normalize", f"invalid UTF-8 at offset {at}"))
    c.eq("UTF-8 then a bad byte", q.get("utf8-then-bad.txt"), ("normalize", f"invalid UTF-8 at offset {at + 2}"))
    c.eq("control byte", q.get("control.txt"), ("normalize", f"invalid UTF-8 at offset {at}"))
    c.eq("loaded", [tuple(x) for x in query(db, "SELECT replace(path, ?, ''), encoding FROM documents "
                                                "WHERE status = 'loaded' ORDER BY path", d + "/")],
         [("cp1252.txt", "windows-1252"), ("overlong.txt", "windows-1252")])
    c.ok("é decoded", one(db, "SELECT count(*) FROM paragraphs WHERE text LIKE '%, été ABOVE ALL%'") == 1)
    integrity(c, db)
    whole_documents(c, db)


def case_not_regular_files(r, c):
    d = os.path.join(r.tmp, "in")
    os.mkdir(d)
    gen.write(os.path.join(d, "good.txt"), gen.resolution("\t1.\tDecides to remain seized of the matter.\n"))
    os.mkdir(os.path.join(d, "a-directory.txt"))                    # listed into: holds nothing
    os.symlink(os.path.join(r.tmp), os.path.join(d, "link-to-dir.txt"))  # not followed: read, it is a directory
    os.mkfifo(os.path.join(d, "fifo.txt"))                          # must not block
    os.symlink(os.path.join(r.tmp, "nowhere"), os.path.join(d, "dangling.txt"))
    os.symlink("loop.txt", os.path.join(d, "loop.txt"))
    db = os.path.join(r.tmp, "db.sqlite")
    # A path given on the command line that does not exist is a usage error, said before any work
    # (exit 2, no database made); a file that vanishes once listed is case_vanishing_files.
    vanished = os.path.join(r.tmp, "vanished.txt")
    r.ingest(db, [d, vanished, "/dev/null"], seconds=10, mib=512, expect_rc=2)
    c.eq("nonexistent input: nothing written", os.path.exists(db), False)
    r.ingest(db, [d, "/dev/null"], seconds=10, mib=512, expect_rc=1)
    q = quarantine(db)
    c.eq("link to a directory", q.get("link-to-dir.txt"), ("read", "not a regular file (a directory)"))
    c.eq("FIFO", q.get("fifo.txt"), ("read", "not a regular file (a FIFO, socket or device)"))
    c.eq("device", q.get("null"), ("read", "not a regular file (a FIFO, socket or device)"))
    c.eq("dangling link", q.get("dangling.txt"), ("read", "cannot read file: No such file or directory"))
    c.eq("link loop", q.get("loop.txt"), ("read", "cannot read file: Too many levels of symbolic links"))
    c.eq("loaded", one(db, "SELECT count(*) FROM documents WHERE status = 'loaded'"), 1)
    integrity(c, db)


def case_vanishing_files(r, c):
    """Files deleted while the run lists and reads them: each ends loaded, quarantined as
    vanished, or unseen; never a crash."""
    d = os.path.join(r.tmp, "in")
    os.mkdir(d)
    n = 600
    for i in range(n):
        gen.write(os.path.join(d, f"{i:04}.txt"),
                  gen.resolution("\t1.\tDecides to remain seized of the matter.\n", number=f"68/{i + 1}"))
    db = os.path.join(r.tmp, "db.sqlite")
    stop = threading.Event()

    def delete():
        for i in list(range(0, n, 2)) + list(range(1, n, 2)):
            if stop.is_set():
                return
            os.unlink(os.path.join(d, f"{i:04}.txt"))
            time.sleep(0.0005)
    deleter = threading.Thread(target=delete)
    deleter.start()
    try:
        rc, _ = r.ingest(db, [d], seconds=20, mib=512, expect_rc=None, extra=["--jobs", "2"])
    finally:
        stop.set()
        deleter.join()
    c.ok(f"exit 0 or 1 (got {rc})", rc in (0, 1))
    reasons = {reason for _, (_, reason) in quarantine(db).items()}
    allowed = {"cannot read file: No such file or directory", "cannot open file (vanished or unreadable)"}
    c.ok(f"quarantine reasons are vanishing ones: {sorted(reasons)}", reasons <= allowed)
    loaded = one(db, "SELECT count(*) FROM documents WHERE status = 'loaded'")
    print(f"  {loaded} loaded, {len(quarantine(db))} quarantined as vanished, the rest deleted before listing")
    c.eq("resolutions of the loaded files", one(db, "SELECT count(*) FROM resolutions"), loaded)
    integrity(c, db)
    whole_documents(c, db)


def case_grows_while_read(r, c):
    """A file that stat calls small and that reads bigger (a /proc file; a file being appended):
    what is read stays under --max-file-size."""
    db = os.path.join(r.tmp, "db.sqlite")
    r.ingest(db, ["/proc/self/maps"], seconds=10, mib=512, expect_rc=1, extra=["--max-file-size", "100"])
    c.eq("quarantined", quarantine(db).get("maps"),
         ("read", "file grew over the limit of 100 bytes while it was read (--max-file-size)"))
    integrity(c, db)


def case_missing_footnote(r, c):
    path = gen.footnotes(os.path.join(r.tmp, "missing.txt"), 3, missing_mark=7)
    db = os.path.join(r.tmp, "db.sqlite")
    r.ingest(db, [path], seconds=10, mib=512)
    c.eq("footnotes", one(db, "SELECT count(*) FROM footnotes"), 3)
    c.eq("references (the mark of footnote 7 is not one)", one(db, "SELECT count(*) FROM footnote_refs"), 3)
    c.eq("the paragraph keeps its text", one(db, "SELECT count(*) FROM paragraphs WHERE text LIKE "
                                                 "'Notes the report of the Secretary-General,7 which%'"), 1)
    integrity(c, db)


def case_footnotes_500(r, c):
    path = gen.footnotes(os.path.join(r.tmp, "many.txt"), 500)
    db = os.path.join(r.tmp, "db.sqlite")
    r.ingest(db, [path], seconds=10, mib=512)
    c.eq("footnotes", one(db, "SELECT count(*) FROM footnotes"), 500)
    c.eq("each paragraph points at its own footnote",
         one(db, "SELECT count(*) FROM footnote_refs x JOIN paragraphs p ON p.id = x.paragraph_id "
                 "JOIN footnotes f ON f.id = x.footnote_id WHERE p.ordinal = f.number"), 500)
    c.eq("footnote citations", one(db, "SELECT count(DISTINCT target) FROM citations WHERE footnote_id IS NOT NULL"), 500)
    integrity(c, db)


def case_symbol_10k(r, c):
    path = gen.long_symbol(os.path.join(r.tmp, "symbol.txt"), 10_000)
    db = os.path.join(r.tmp, "db.sqlite")
    r.ingest(db, [path], seconds=10, mib=512)
    symbol = one(db, "SELECT symbol FROM resolutions")
    c.eq("the symbol, whole", len(symbol or ""), 10_000)
    c.eq("found by the ODS field rule", one(db, "SELECT count(*) FROM paragraphs"), 2)
    r.run(["explain", "--db", db, symbol], 10, 512, 0)
    integrity(c, db)


# --- hostile rules ------------------------------------------------------------------------------

def rules_dir(r, file, text):
    d = os.path.join(r.tmp, "rules")
    shutil.copytree(MAPPINGS, d)
    with open(os.path.join(d, file), "w", encoding="utf-8") as f:
        f.write(text)
    return d


def default_text(file):
    with open(os.path.join(MAPPINGS, file), encoding="utf-8") as f:
        return f.read()


def rules_rejected(r, c, d, message, seconds=10, mib=512):
    _, out = r.run(["rules", "check", "--rules", d], seconds, mib, 2)
    c.contains("message", out, message)
    # ingest refuses the same rules before it writes anything.
    db = os.path.join(r.tmp, "never.sqlite")
    _, out = r.run(["ingest", "--db", db, "--rules", d, os.path.join(DATA, "seeds")], seconds, mib, 2)
    c.contains("ingest message", out, message)
    c.ok("no database written", not os.path.exists(db))


CITATIONS_HEAD = "kinds: [ga_resolution]\nibid: '^Ibid\\.'\nrules:\n"


def citation_rule(i, pattern):
    return (f"  - id: r{i}\n    kind: ga_resolution\n    pattern: '{pattern}'\n"
            f"    emit:\n      - target: 'x'\n")


def case_rules_pattern_too_large(r, c):
    d = rules_dir(r, "citations.yaml", CITATIONS_HEAD + citation_rule(0, "\\pL{1000}"))
    rules_rejected(r, c, d, f"{d}/citations.yaml:6:14: rule 'r0': pattern 'pattern' does not compile: pattern too "
                            "large - compile failed (it needs more than the 8 MiB of RE2 memory a pattern may use")


def case_rules_alias_bomb(r, c):
    # 64 KiB behind an anchor and 100,000 aliases to it in a list the loader reads: 6 GiB once
    # expanded, from a file of 700 KiB. And the classic nine levels of nine.
    text = ("categories: [other]\ndefined_acronym: '\\s*\\((?P<acronym>[A-Z]+)\\)'\n"
            "lol: &lol \"" + "lol" * 21845 + "\"\n"
            "organizations:\n  - name: Lol\n    category: other\n    aliases: [" + ", ".join(["*lol"] * 100_000) + "]\n")
    d = rules_dir(r, "organizations.yaml", text)
    rules_rejected(r, c, d, f"{d}/organizations.yaml:7:15: YAML aliases (*name) are not allowed in rule files: "
                            "write the value out")
    shutil.rmtree(d)
    laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in range(1, 10):
        laughs += f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]\n"
    d = rules_dir(r, "vocabulary.yaml", laughs + "months: *a9\n")
    rules_rejected(r, c, d, f"{d}/vocabulary.yaml:2:10: YAML aliases (*name) are not allowed")


def case_rules_100k_rules(r, c):
    text = CITATIONS_HEAD + "".join(citation_rule(i, f"A/RES/1/{i}") for i in range(100_000))
    d = rules_dir(r, "citations.yaml", text)
    rules_rejected(r, c, d, "more than 200000 YAML nodes (values, lists and mappings): the limit for one rule file")


def case_rules_1000_patterns(r, c):
    text = CITATIONS_HEAD + "".join(citation_rule(i, f"A/RES/1/{i}") for i in range(1000))
    d = rules_dir(r, "citations.yaml", text)
    rules_rejected(r, c, d, "pattern 'pattern' not compiled: the rules hold more than 1000 patterns "
                            "(the limit for all rule files together)")


def case_rules_deep_nesting(r, c):
    d = rules_dir(r, "vocabulary.yaml", "months: " + "[" * 100_000 + "]" * 100_000 + "\n")
    rules_rejected(r, c, d, f"{d}/vocabulary.yaml:1:72: lists and mappings nested more than 64 deep")


def case_rules_huge_file(r, c):
    text = default_text("phrases.yaml") + "# " + "x" * (17 << 20) + "\n"
    d = rules_dir(r, "phrases.yaml", text)
    rules_rejected(r, c, d, f"{d}/phrases.yaml:1:1: the file is {len(text.encode())} bytes, over the limit of 16777216 "
                            "for a rule file")


def case_rules_group_not_a_column(r, c):
    text = default_text("structure.yaml").replace("(?P<plenary_meeting>\\d{1,3})", "(?P<plenary>\\d{1,3})", 1)
    c.ok("edited", text != default_text("structure.yaml"))
    d = rules_dir(r, "structure.yaml", text)
    rules_rejected(r, c, d, "rule 'plenary-meeting': group 'plenary' is not a column of resolutions (use adopted_on, ")


def case_rules_template_missing_group(r, c):
    text = default_text("citations.yaml").replace("target: 'S/RES/{number}({year})'", "target: 'S/RES/{nr}({year})'", 1)
    c.ok("edited", text != default_text("citations.yaml"))
    d = rules_dir(r, "citations.yaml", text)
    rules_rejected(r, c, d, "rule 'sc-resolution-symbol': template 'S/RES/{nr}({year})' refers to group 'nr' that "
                            "the pattern does not have")


# --- database faults ----------------------------------------------------------------------------

def seeded_db(r, db):
    r.ingest(db, [os.path.join(DATA, "seeds")], seconds=20, mib=512)
    return {
        "documents": query(db, "SELECT path, content_hash FROM documents ORDER BY path"),
        "paragraphs": one(db, "SELECT count(*) FROM paragraphs"),
    }


def more_inputs(r, n):
    d = os.path.join(r.tmp, "more")
    os.makedirs(d, exist_ok=True)
    for i in range(n):
        gen.write(os.path.join(d, f"{i:03}.txt"),
                  gen.resolution("".join(f"\t{k}.\t{gen.SENTENCE}\n" for k in range(1, 40)), number=f"70/{i + 1}"))
    return d


def unchanged(c, db, before, what):
    c.eq(f"{what}: documents as before", query(db, "SELECT path, content_hash FROM documents ORDER BY path"),
         before["documents"])
    c.eq(f"{what}: paragraphs as before", one(db, "SELECT count(*) FROM paragraphs"), before["paragraphs"])


def case_db_disk_full(r, c):
    more = more_inputs(r, 30)
    # 1. A small tmpfs (needs CAP_SYS_ADMIN: root here; otherwise said, and the next method runs): 4 MiB
    # hold the seeded database and its WAL during its first load (the database alone about 1.5 MB: 16 KiB pages), not 30 more files.
    mnt = os.path.join(r.tmp, "tmpfs")
    os.mkdir(mnt)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt],
                             capture_output=True).returncode == 0
    if mounted:
        try:
            db = os.path.join(mnt, "db.sqlite")
            before = seeded_db(r, db)
            _, out = r.ingest(db, [more], expect_rc=3)
            c.contains("message", out, "unres: database error: ")
            c.contains("message", out, "database or disk is full")
            integrity(c, db)
            unchanged(c, db, before, "full tmpfs")
            whole_documents(c, db)
        finally:
            subprocess.run(["umount", "-l", mnt])
    else:
        print("tmpfs: mount not permitted here; the file size limit below still fills the disk")
    # 2. RLIMIT_FSIZE (ulimit -f): a write past the limit fails with EFBIG (SIGXFSZ ignored).
    db = os.path.join(r.tmp, "db.sqlite")
    before = seeded_db(r, db)
    limit = os.path.getsize(db) + 64 * 1024

    def small_files():
        import resource
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    _, out = r.ingest(db, [more], expect_rc=3, preexec=small_files)
    c.contains("message", out, "unres: database error: ")
    c.ok("says the disk is full or the file too large",
         "database or disk is full" in out or "disk I/O error" in out, out[-500:])
    integrity(c, db)
    unchanged(c, db, before, "file size limit")
    whole_documents(c, db)
    # Once there is room, the same run loads everything.
    r.ingest(db, [more], seconds=30)
    c.eq("loaded after the fault", one(db, "SELECT count(*) FROM documents WHERE status = 'loaded'"), 35)
    integrity(c, db)


def case_db_read_only(r, c):
    methods = 0
    # 1. chattr +i: immutable, even for root (ext4 and most local file systems; not tmpfs or overlay).
    db = os.path.join(r.tmp, "immutable", "db.sqlite")
    os.mkdir(os.path.dirname(db))
    before = seeded_db(r, db)
    query(db, "PRAGMA wal_checkpoint(TRUNCATE)")
    if subprocess.run(["chattr", "+i", db], capture_output=True).returncode == 0:
        methods += 1
        try:
            _, out = r.ingest(db, [more_inputs(r, 3)], expect_rc=3)
            c.contains("message", out, "unres: database error: ")
            c.contains("message", out, "attempt to write a readonly database")
        finally:
            subprocess.run(["chattr", "-i", db])
        integrity(c, db)
        unchanged(c, db, before, "immutable file")
    else:
        print("chattr +i: not supported here")
    # 2. Mode 0444 for a user who is not root (as root, the run drops to nobody).
    d = os.path.join(r.tmp, "mode444")
    os.mkdir(d)
    os.chmod(d, 0o777)
    db = os.path.join(d, "db.sqlite")
    before = seeded_db(r, db)
    query(db, "PRAGMA wal_checkpoint(TRUNCATE)")
    for name in os.listdir(d):
        os.chmod(os.path.join(d, name), 0o666)
    os.chmod(db, 0o444)
    more = more_inputs(r, 3)
    os.chmod(r.tmp, 0o755)
    preexec = None
    if os.geteuid() == 0:
        def preexec():
            os.setgid(65534)
            os.setuid(65534)
    methods += 1
    _, out = r.ingest(db, [more], expect_rc=3, preexec=preexec)
    c.contains("message", out, "unres: database error: ")
    c.contains("message", out, "attempt to write a readonly database")
    os.chmod(db, 0o644)
    integrity(c, db)
    unchanged(c, db, before, "mode 0444")
    c.ok("a method that really fails was run", methods >= 1)


def case_db_locked(r, c):
    db = os.path.join(r.tmp, "db.sqlite")
    before = seeded_db(r, db)
    runs = one(db, "SELECT count(*) FROM ingest_runs")
    more = more_inputs(r, 3)
    # Another program holds the write lock for longer than the busy timeout (10 s): exit 3.
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO meta(key, value) VALUES('hostile-lock', 'held')")
    start = time.monotonic()
    _, out = r.ingest(db, [more], seconds=20, expect_rc=3)
    waited = time.monotonic() - start
    holder.execute("ROLLBACK")
    holder.close()
    c.contains("message", out, "unres: database error: ")
    c.contains("message", out, "database is locked")
    c.ok(f"waited the busy timeout ({waited:.1f} s >= 9.5 s)", waited >= 9.5)
    integrity(c, db)
    unchanged(c, db, before, "locked")
    c.eq("no run recorded", one(db, "SELECT count(*) FROM ingest_runs"), runs)
    # Held for 2 s only: the run waits for it, then loads.
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO meta(key, value) VALUES('hostile-lock', 'held')")
    release = threading.Timer(2.0, lambda: holder.execute("ROLLBACK"))
    release.start()
    r.ingest(db, [more], seconds=20)
    release.join()
    holder.close()
    c.eq("loaded after the lock", one(db, "SELECT count(*) FROM documents WHERE status = 'loaded'"), 8)
    integrity(c, db)


def case_db_newer_schema(r, c):
    db = os.path.join(r.tmp, "db.sqlite")
    before = seeded_db(r, db)
    query(db, "PRAGMA wal_checkpoint(TRUNCATE)")
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()
    schema = query(db, "SELECT sql FROM sqlite_master ORDER BY name")
    _, out = r.ingest(db, [more_inputs(r, 3)], expect_rc=3)
    c.contains("message", out, f"unres: database error: {db}: database schema version 2 is newer than this unres "
                               "understands (1)")
    c.eq("schema untouched", query(db, "SELECT sql FROM sqlite_master ORDER BY name"), schema)
    c.eq("user_version untouched", one(db, "PRAGMA user_version"), 2)
    integrity(c, db)
    unchanged(c, db, before, "newer schema")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("unres")
    parser.add_argument("case")
    parser.add_argument("--sanitized", action="store_true", help="an ASan/UBSan build: smaller inputs, wider bounds")
    args = parser.parse_args()
    fn = globals().get("case_" + args.case)
    if fn is None:
        print(f"unknown case {args.case}", file=sys.stderr)
        return 2
    c = Check()
    tmp = tempfile.mkdtemp(prefix="unres-hostile-")
    try:
        fn(Runner(os.path.abspath(args.unres), args.sanitized, c, tmp), c)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if c.failures:
        print(f"{args.case}: {c.failures} check(s) failed")
        return 1
    print(f"{args.case}: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
