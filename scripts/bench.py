#!/usr/bin/env python3
"""Driver of scripts/bench.sh: runs each measure as a whole process and reports medians."""
import argparse, glob, json, os, re, resource, shutil, sqlite3, statistics, subprocess, sys, time

TABLES = ["documents", "resolutions", "resolution_sources", "paragraphs", "action_verbs", "organizations",
          "organization_mentions", "footnotes", "footnote_refs", "citations", "deadlines"]

def run(cmd, **kw):
    """Runs cmd; returns (seconds, peak RSS in MB) of that process alone."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, **kw)
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{cmd[0]} failed with exit {code}")
    return seconds, usage.ru_maxrss / 1024

def median_of(k, fn):
    return statistics.median([fn() for _ in range(k)])

def cached_copies(d, sources):
    """Whether folder d holds copies made from these sources: d + ".sources" lists each source's
    path, size and mtime as the copies were made. A folder made from other sources (another
    BENCH_XML or BENCH_PDF, or a source changed since) is removed, to be made again."""
    key = "".join(f"{os.path.abspath(f)}\t{os.path.getsize(f)}\t{os.stat(f).st_mtime_ns}\n" for f in sources)
    stamp = d + ".sources"
    if os.path.isdir(d) and os.path.exists(stamp) and open(stamp).read() == key:
        return True
    for stale in (d, d + ".tmp"):
        if os.path.isdir(stale):
            shutil.rmtree(stale)
    with open(stamp, "w") as f:  # written first: a folder still being made is renamed into place last
        f.write(key)
    return False

def corpus(work, n):
    d = os.path.join(work, f"corpus-{n}")
    if not os.path.isdir(d):
        subprocess.check_call([sys.executable, os.path.join(os.path.dirname(__file__), "gen-corpus.py"), str(n), d + ".tmp"])
        os.rename(d + ".tmp", d)
    files = [os.path.join(r, f) for r, _, fs in os.walk(d) for f in fs]
    return d, files, sum(os.path.getsize(f) for f in files)

def ingest(unres, db, src, report=None, fresh=True):
    for suffix in ("", "-wal", "-shm", ".lock"):
        if fresh and os.path.exists(db + suffix):
            os.remove(db + suffix)
    cmd = [unres, "ingest", "--db", db, "--progress", "never", src]
    if report:
        cmd += ["--report", report]
    return run(cmd, stderr=subprocess.DEVNULL)

def fresh(path):
    """Removes a database and its journals: each measure writes into an empty file."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    return path

def ddl(db, where):
    """The CREATE statements of `db`'s schema objects that match `where`, by name."""
    src = sqlite3.connect(db)
    out = [r[0] for r in src.execute(f"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND {where} ORDER BY name")]
    src.close()
    return out

USER_TABLES = "type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'"

def floor(work, db, files):
    """cat every input byte, then INSERT ... SELECT the rows into an empty copy of the schema."""
    listing = os.path.join(work, "files.txt")
    with open(listing, "w") as f:
        f.write("\n".join(files))
    cat, _ = run(["sh", "-c", f"xargs cat < '{listing}' > /dev/null"])
    empty = fresh(os.path.join(work, "floor.db"))
    schema = ddl(db, USER_TABLES) + ddl(db, "type = 'index'")
    script = os.path.join(work, "floor.sql")
    with open(script, "w") as f:
        # The journal unres's first load writes through: WAL, synchronous NORMAL (store/schema.cpp;
        # a rollback journal, as until session 5, writes the pages once instead of twice, and a
        # floor written so would make unres's WAL load look worse than it is).
        f.write("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;\n")
        f.write(";\n".join(schema) + ";\n")
        f.write(f"ATTACH '{db}' AS src;\nBEGIN;\n")
        for t in TABLES:
            f.write(f"INSERT INTO main.{t} SELECT * FROM src.{t};\n")
        f.write("COMMIT;\n")
    copy, _ = run(["sqlite3", empty], stdin=open(script), stdout=subprocess.DEVNULL)
    return cat + copy

def sqlite_alone(work, db):
    """SQLite's own part of unres's first load, with no parsing: the same rows inserted one by one
    into tables without secondary indexes (`WHERE 1` keeps SQLite from copying b-tree records
    whole, as the floor's plain INSERT ... SELECT does), every paragraph into the full-text index
    that issue 6 asks for (FTS5, as sql/views.sql declares it), then the indexes built, in WAL, as
    unres does. What this costs, unres cannot go below on one writer."""
    out = fresh(os.path.join(work, "sqlite-alone.db"))
    tables, indexes = ddl(db, USER_TABLES), ddl(db, "type = 'index'")
    fts = ddl(db, "name = 'paragraphs_fts'")[0]
    script = os.path.join(work, "sqlite-alone.sql")
    with open(script, "w") as f:
        f.write("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;\n")
        f.write(";\n".join(tables + [fts]) + ";\n")
        # unres's first-load settings of the full-text index (store/schema.cpp, defer_indexes).
        f.write("INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES('automerge', 0);\n"
                "INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES('crisismerge', 1000);\n"
                "INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES('hashsize', 16777216);\n")
        f.write(f"ATTACH '{db}' AS src;\nBEGIN;\n")
        for t in TABLES:
            f.write(f"INSERT INTO main.{t} SELECT * FROM src.{t} WHERE 1;\n")
        f.write("INSERT INTO paragraphs_fts(rowid, text) SELECT id, text FROM main.paragraphs;\n")
        f.write("COMMIT;\nPRAGMA threads = 2; PRAGMA cache_size = -4096;\nBEGIN;\n")
        f.write(";\n".join(indexes) + ";\nCOMMIT;\n")
    t, _ = run(["sqlite3", out], stdin=open(script), stdout=subprocess.DEVNULL)
    return t

def pdf_measure(unres, work, pdf_dir, runs):
    """unres ingesting the PDFs of pdf_dir into a fresh database, against the floor of `pdftotext`
    over the same files, one process per file, two at a time (xargs -P2, the machine's two cores).
    Runs alternate (floor, ingest) so that the load of a shared machine weighs on both alike.
    Returns (files, MB, ingest s, floor s, peak RSS MB), or None when there is nothing to measure."""
    if not pdf_dir or not os.path.isdir(pdf_dir):
        print(f"PDF measure skipped: no folder {pdf_dir!r} (BENCH_PDF=DIR of PDFs)")
        return None
    if not shutil.which("pdftotext"):
        print("PDF measure skipped: no pdftotext (Debian package poppler-utils)")
        return None
    pdfs = sorted(os.path.join(r, f) for r, _, fs in os.walk(pdf_dir) for f in fs if f.lower().endswith(".pdf"))
    if not pdfs:
        print(f"PDF measure skipped: no .pdf file under {pdf_dir}")
        return None
    listing = os.path.join(work, "pdfs.txt")
    with open(listing, "w") as f:
        f.write("\n".join(pdfs) + "\n")
    floor_cmd = ["sh", "-c", f"xargs -P2 -I{{}} pdftotext {{}} /dev/null < '{listing}'"]
    db = os.path.join(work, "pdf.db")
    run(floor_cmd)
    ingest(unres, db, pdf_dir)  # warm-up: the files in the OS cache for both
    floors, ingests = [], []
    for _ in range(runs):
        floors.append(run(floor_cmd)[0])
        ingests.append(ingest(unres, db, pdf_dir))
    size = sum(os.path.getsize(p) for p in pdfs)
    ratios = [i[0] / f for i, f in zip(ingests, floors)]
    print("PDF runs (ingest / pdftotext, s): " + ", ".join(f"{i[0]:.2f}/{f:.2f}" for i, f in zip(ingests, floors)) +
          f"; per-run ratio {min(ratios):.2f}-{max(ratios):.2f}")
    return (len(pdfs), size / 1e6, statistics.median(r[0] for r in ingests), statistics.median(floors),
            max(r[1] for r in ingests))

def pdf_rss(unres, work, pdf_dir, counts):
    """Peak RSS of one ingest of N PDFs, for each N of counts: the PDFs of pdf_dir repeated under
    distinct names in one folder, as hard links. Every file goes through the reader, the stages and
    the writer: a hard link is the same file as the copy loaded before it, so its resolution moves to
    it (its rows are replaced, as for a moved corpus), and the database keeps one row per resolution.
    Where links cannot be made, the copies are real and all but the first of each are refused as
    conflicting symbols (read and parsed, not written): see `quarantined`.
    Returns [(N, seconds, peak RSS MB, loaded, quarantined)], or [] when there is nothing to measure."""
    if not pdf_dir or not os.path.isdir(pdf_dir):
        return []
    pdfs = sorted(os.path.join(r, f) for r, _, fs in os.walk(pdf_dir) for f in fs if f.lower().endswith(".pdf"))
    out = []
    for n in counts if pdfs else []:
        d = os.path.join(work, f"pdf-copies-{n}")
        if not cached_copies(d, pdfs):
            os.makedirs(d + ".tmp", exist_ok=True)
            for k in range(n):
                src = pdfs[k % len(pdfs)]
                dst = os.path.join(d + ".tmp", f"{k:05d}_{os.path.basename(src)}")
                try:
                    os.link(src, dst)
                except OSError:
                    shutil.copyfile(src, dst)
            os.rename(d + ".tmp", d)
        report = os.path.join(work, f"pdf-copies-{n}.json")
        seconds, rss = ingest(unres, os.path.join(work, "pdf-rss.db"), d, report)
        rep = json.load(open(report))
        out.append((n, seconds, rss, rep["files"]["loaded"], rep["files"]["quarantined"]))
    return out

SYMBOL = re.compile(rb'(<docNumber\b[^>]*refersTo="#symbol"[^>]*>)([^<]*)(<)')

def xml_corpus(work, xml_dirs, n, name="xml"):
    """n AKN4UN files made from the real ones in xml_dirs: copy k of a file has its symbol's first
    number raised by 100000*k (A/RES/78/11 -> A/RES/100078/11), so every copy is a resolution of its
    own, as in a real folder, and the reader parses real markup. None when there is nothing to copy."""
    sources = sorted(f for d in xml_dirs for f in glob.glob(os.path.join(d, "**", "*.xml"), recursive=True))
    if not sources:
        return None
    d = os.path.join(work, f"{name}-{n}")
    if not cached_copies(d, sources):
        os.makedirs(d + ".tmp", exist_ok=True)
        for i in range(n):
            src = sources[i % len(sources)]
            k = i // len(sources)
            data = open(src, "rb").read()
            if k:
                bump = lambda m: m.group(1) + re.sub(rb"\d+", lambda x: str(int(x.group()) + 100000 * k).encode(),
                                                     m.group(2), count=1) + m.group(3)
                data = SYMBOL.sub(bump, data)
            with open(os.path.join(d + ".tmp", f"{i:06d}-{os.path.basename(src)}"), "wb") as f:
                f.write(data)
        os.rename(d + ".tmp", d)
    return d

def xml_measure(unres, work, xml_dirs, n, runs, name="xml"):
    """unres ingesting n AKN4UN files into a fresh database (median of runs), and once 4n for the
    peak RSS in N. Returns (files, MB, seconds, files/s, peak RSS at n, seconds at 4n, RSS at 4n)."""
    d = xml_corpus(work, xml_dirs, n, name)
    if d is None:
        print(f"XML measure skipped: no .xml file under {xml_dirs} (BENCH_XML=DIR …)")
        return None
    d4 = xml_corpus(work, xml_dirs, 4 * n, name)
    db = os.path.join(work, "xml.db")
    ingest(unres, db, d)  # warm-up
    r = [ingest(unres, db, d) for _ in range(runs)]
    t = statistics.median(x[0] for x in r)
    run(["sh", "-c", f"cat '{d4}'/* > /dev/null"])
    t4, rss4 = ingest(unres, os.path.join(work, "xml4.db"), d4)
    mb = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d)) / 1e6
    return (n, mb, t, n / t, max(x[1] for x in r), t4, rss4)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--unres", required=True); ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--work", required=True); ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pdf", help="a folder of PDFs for the PDF measure (skipped without it)")
    ap.add_argument("--xml", nargs="*", default=[], help="folders of AKN4UN XML for the XML measure (skipped without them)")
    ap.add_argument("--xml-translations", nargs="*", default=[],
                    help="folders of AKN4UN XML translations, measured apart in the same way (skipped without them)")
    ap.add_argument("--xml-n", type=int, default=2000, help="XML files in the XML measure (and 4x that once)")
    ap.add_argument("--only", choices=["all", "xml", "pdf"], default="all", help="run one measure alone")
    ap.add_argument("--pdf-rss", default="100,300,1000", help="with --only pdf: the numbers of PDFs of the peak RSS measure")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    unres = os.path.abspath(a.unres)
    if a.only != "all":
        return only(a, unres)
    src, files, size = corpus(a.work, a.n)
    db = os.path.join(a.work, "bench.db")
    report = os.path.join(a.work, "report.json")

    ingest(unres, db, src, report)  # warm-up
    runs = [ingest(unres, db, src, report) for _ in range(a.runs)]
    t_ingest = statistics.median(r[0] for r in runs)
    rss = max(r[1] for r in runs)
    rep = json.load(open(report))
    rows = sum(v for k, v in rep["rows"].items() if k != "quarantine")
    t_floor = median_of(a.runs, lambda: floor(a.work, db, files))
    t_alone = median_of(a.runs, lambda: sqlite_alone(a.work, db))
    t_noop = median_of(a.runs, lambda: ingest(unres, db, src, fresh=False)[0])

    src4, files4, _ = corpus(a.work, 4 * a.n)
    db4 = os.path.join(a.work, "bench4.db")
    # Its files are read once first, as the warm-up run reads those of N: both runs start with the
    # input in the OS cache, so the ratio compares the work, not the disk.
    listing = os.path.join(a.work, "files4.txt")
    with open(listing, "w") as f:
        f.write("\n".join(files4))
    run(["sh", "-c", f"xargs cat < '{listing}' > /dev/null"])
    t4, rss4 = ingest(unres, db4, src4, os.path.join(a.work, "report4.json"))

    res = {
        "n": a.n, "bytes": size, "rows": rows, "cores": os.cpu_count(),
        "ingest_seconds": t_ingest, "floor_seconds": t_floor, "ratio_ingest_floor": t_ingest / t_floor,
        "sqlite_alone_seconds": t_alone, "ratio_sqlite_alone_floor": t_alone / t_floor,
        "ratio_ingest_sqlite_alone": t_ingest / t_alone,
        "resolutions_per_second": a.n / t_ingest, "mb_per_second": size / 1e6 / t_ingest,
        "rows_per_second": rows / t_ingest, "peak_rss_mb": rss,
        "noop_rerun_seconds": t_noop,
        "n4_seconds": t4, "n4_peak_rss_mb": rss4, "ratio_time_4n_n": t4 / t_ingest,
        "stage_seconds": rep["stage_seconds"],
    }
    pdf = pdf_measure(unres, a.work, a.pdf, a.runs)
    xml = xml_measure(unres, a.work, a.xml, a.xml_n, a.runs) if a.xml else None
    if xml:
        res.update(xml_result(xml))
    xml_tr = xml_measure(unres, a.work, a.xml_translations, a.xml_n, a.runs, "xml-translations") if a.xml_translations else None
    if xml_tr:
        res.update(xml_result(xml_tr, "xml_translations"))
    if pdf:
        res.update({"pdf_files": pdf[0], "pdf_mb": pdf[1], "pdf_ingest_seconds": pdf[2],
                    "pdf_floor_seconds": pdf[3], "ratio_pdf_ingest_floor": pdf[2] / pdf[3], "pdf_peak_rss_mb": pdf[4]})
    with open(a.out, "w") as f:
        json.dump(res, f, indent=1)
    print(f"corpus: {a.n} resolutions, {size / 1e6:.1f} MB, {rows} rows, {os.cpu_count()} cores")
    print(f"{'measure':38s} {'value':>12s}")
    for k, v in [("ingest (median of %d), s" % a.runs, t_ingest), ("floor (cat + copy rows), s", t_floor),
                 ("ratio ingest / floor", t_ingest / t_floor),
                 ("SQLite alone (rows, FTS, indexes), s", t_alone), ("ratio SQLite alone / floor", t_alone / t_floor),
                 ("ratio ingest / SQLite alone", t_ingest / t_alone), ("resolutions / s", a.n / t_ingest),
                 ("MB / s", size / 1e6 / t_ingest), ("rows / s", rows / t_ingest), ("peak RSS at N, MB", rss),
                 ("no-op re-run, s", t_noop), ("time at 4xN, s", t4), ("peak RSS at 4xN, MB", rss4),
                 ("time 4xN / time N", t4 / t_ingest)]:
        print(f"{k:38s} {v:12.2f}")
    print("stage seconds (summed over threads):", ", ".join(f"{k} {v:.2f}" for k, v in rep["stage_seconds"].items()))
    if pdf:
        print(f"PDFs: {pdf[0]} files, {pdf[1]:.1f} MB of {a.pdf}")
        for k, v in [("PDF ingest (median of %d), s" % a.runs, pdf[2]), ("pdftotext -P2 (median of %d), s" % a.runs, pdf[3]),
                     ("ratio PDF ingest / pdftotext", pdf[2] / pdf[3]), ("peak RSS of the PDF ingest, MB", pdf[4])]:
            print(f"{k:38s} {v:12.2f}")
    if xml:
        print_xml(xml, a.runs)
    if xml_tr:
        print_xml(xml_tr, a.runs, "XML translations")
    print(f"wrote {a.out}")

def xml_result(xml, key="xml"):
    return {f"{key}_files": xml[0], f"{key}_mb": xml[1], f"{key}_ingest_seconds": xml[2], f"{key}_files_per_second": xml[3],
            f"{key}_peak_rss_mb": xml[4], f"{key}_4n_seconds": xml[5], f"{key}_4n_peak_rss_mb": xml[6]}

def print_xml(xml, runs, title="XML"):
    print(f"{title}: {xml[0]} AKN4UN files, {xml[1]:.1f} MB")
    for k, v in [("XML ingest (median of %d), s" % runs, xml[2]), ("XML files / s", xml[3]),
                 ("peak RSS at N, MB", xml[4]), ("XML ingest at 4xN, s", xml[5]), ("peak RSS at 4xN, MB", xml[6])]:
        print(f"{k:38s} {v:12.2f}")

def only(a, unres):
    """One measure alone (--only xml|pdf): the others take minutes."""
    res = {}
    if a.only == "xml":
        xml = xml_measure(unres, a.work, a.xml, a.xml_n, a.runs) if a.xml else None
        if xml:
            res.update(xml_result(xml)); print_xml(xml, a.runs)
        xml_tr = xml_measure(unres, a.work, a.xml_translations, a.xml_n, a.runs, "xml-translations") if a.xml_translations else None
        if xml_tr:
            res.update(xml_result(xml_tr, "xml_translations")); print_xml(xml_tr, a.runs, "XML translations")
    else:
        pdf = pdf_measure(unres, a.work, a.pdf, a.runs)
        if pdf:
            res.update({"pdf_files": pdf[0], "pdf_mb": pdf[1], "pdf_ingest_seconds": pdf[2], "pdf_floor_seconds": pdf[3],
                        "ratio_pdf_ingest_floor": pdf[2] / pdf[3], "pdf_peak_rss_mb": pdf[4]})
            print(f"PDFs: {pdf[0]} files; ingest {pdf[2]:.2f} s, pdftotext {pdf[3]:.2f} s, ratio {pdf[2] / pdf[3]:.2f}, peak RSS {pdf[4]:.0f} MB")
            rss = pdf_rss(unres, a.work, a.pdf, [int(x) for x in a.pdf_rss.split(",") if x])
            res["pdf_rss_by_n"] = [{"n": n, "seconds": t, "peak_rss_mb": m, "loaded": l, "quarantined": q}
                                   for n, t, m, l, q in rss]
            for n, t, m, l, q in rss:
                print(f"peak RSS of one ingest of {n} PDFs: {m:.0f} MB ({t:.1f} s; {l} loaded, {q} quarantined)")
    with open(a.out, "w") as f:
        json.dump(res, f, indent=1)
    print(f"wrote {a.out}")

if __name__ == "__main__":
    main()
