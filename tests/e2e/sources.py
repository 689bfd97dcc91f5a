#!/usr/bin/env python3
"""One resolution, several sources (issue 15): XML > PDF > text, every source linked, nothing lost.

usage: sources.py UNRES DATA_DIR SCENARIO
Scenarios: text_then_xml, xml_then_text, delete_xml, changed_xml, rejected_xml, same_kind, disagreements,
foreign_text_taken_over.
Each drives the real binary on copies of tests/data (A/RES/78/11 as XML, PDF and text). Exit 0 when it holds.
"""
import os, shutil, sqlite3, subprocess, sys, tempfile

UNRES, DATA = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
XML = os.path.join(DATA, "akn", "A_RES_78_11-2323817E.xml")
PDF = os.path.join(DATA, "pdf", "A_RES_78_11.pdf")
TXT = os.path.join(DATA, "pdftext", "A_RES_78_11.txt")
SYMBOL = "A/RES/78/11"


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def run(*args, check=None):
    p = subprocess.run([UNRES, *args], capture_output=True, text=True)
    if check is not None and p.returncode != check:
        fail(f"{' '.join(args)}: exit {p.returncode}, expected {check}: {p.stderr}")
    return p


def q(db, sql, *params):
    con = sqlite3.connect(db)
    out = con.execute(sql, params).fetchall()
    con.close()
    return out


def corpus(tmp, *files):
    """A folder per kind (xml/, pdf/, txt/) holding copies of `files`; returns the root."""
    root = os.path.join(tmp, "corpus")
    for f in files:
        kind = {".xml": "xml", ".pdf": "pdf", ".txt": "txt"}[os.path.splitext(f)[1]]
        os.makedirs(os.path.join(root, kind), exist_ok=True)
        shutil.copy(f, os.path.join(root, kind, os.path.basename(f)))
    return root


def rows(db):
    """What the resolution is, as rows: format of its document, paragraphs (kind, ordinal, text), counts."""
    fmt = q(db, "SELECT d.format FROM resolutions r JOIN documents d ON d.id = r.document_id WHERE r.symbol = ?", SYMBOL)
    paragraphs = q(db, "SELECT p.kind, p.ordinal, p.parent_id IS NULL, p.text FROM paragraphs p JOIN resolutions r "
                       "ON r.id = p.resolution_id WHERE r.symbol = ? ORDER BY p.kind, p.parent_id IS NOT NULL, p.ordinal, p.id",
                   SYMBOL)
    counts = {t: q(db, f"SELECT count(*) FROM {t}")[0][0]
              for t in ("resolutions", "paragraphs", "footnotes", "citations", "action_verbs", "paragraphs_fts_docsize")}
    return fmt, paragraphs, counts


def alone(tmp, source, name):
    """The rows of a database loaded from `source` alone."""
    db = os.path.join(tmp, name + ".db")
    run("ingest", "--db", db, corpus(os.path.join(tmp, name), source), check=0)
    return rows(db)


def expect_chosen(db, fmt, reference, links):
    got = rows(db)
    if got[0] != [(fmt,)]:
        fail(f"the resolution's rows are from {got[0]}, expected {fmt}")
    if got[2]["resolutions"] != 1:
        fail(f"{got[2]['resolutions']} resolutions rows for one resolution")
    if got[1] != reference[1] or got[2] != reference[2]:
        fail(f"rows differ from a database of the {fmt} source alone: {got[2]} vs {reference[2]}")
    if got[2]["paragraphs_fts_docsize"] != got[2]["paragraphs"]:
        fail(f"full-text index out of step: {got[2]}")
    n = q(db, "SELECT count(*) FROM resolution_sources WHERE symbol = ?", SYMBOL)[0][0]
    if n != links:
        fail(f"{n} source links, expected {links}: {q(db, 'SELECT * FROM v_resolution_sources')}")
    chosen = q(db, "SELECT format FROM v_resolution_sources WHERE chosen = 1")
    if chosen != [(fmt,)]:
        fail(f"v_resolution_sources chooses {chosen}, expected {fmt}")


def text_then_xml(tmp):
    xml_alone = alone(tmp, XML, "xml_alone")
    text_alone = alone(tmp, TXT, "text_alone")
    root = corpus(tmp, TXT, XML)
    db = os.path.join(tmp, "t.db")
    run("ingest", "--db", db, os.path.join(root, "txt"), check=0)
    expect_chosen(db, "pdf-text", text_alone, 1)
    rid = q(db, "SELECT id FROM resolutions")[0][0]
    p = run("ingest", "--db", db, os.path.join(root, "xml"), check=0)  # not a conflicting symbol any more
    expect_chosen(db, "akn", xml_alone, 2)
    if q(db, "SELECT id FROM resolutions")[0][0] != rid:
        fail("the resolution did not keep its id when the XML took over")
    run("ingest", "--db", db, root, check=0)  # nothing changed: nothing moves
    expect_chosen(db, "akn", xml_alone, 2)


def xml_then_text(tmp):
    xml_alone = alone(tmp, XML, "xml_alone")
    root = corpus(tmp, TXT, XML, PDF)
    db = os.path.join(tmp, "x.db")
    run("ingest", "--db", db, os.path.join(root, "xml"), check=0)
    run("ingest", "--db", db, os.path.join(root, "txt"), check=0)
    expect_chosen(db, "akn", xml_alone, 2)
    run("ingest", "--db", db, os.path.join(root, "pdf"), check=0)
    expect_chosen(db, "akn", xml_alone, 3)
    out = run("sources", "--db", db, "78/11", check=0).stdout.splitlines()
    if len(out) != 4 or not out[1].startswith(SYMBOL + "\ten\tyes\takn\t"):
        fail(f"unres sources: {out}")


def delete_xml(tmp):
    xml_alone = alone(tmp, XML, "xml_alone")
    text_alone = alone(tmp, TXT, "text_alone")
    pdf_alone = alone(tmp, PDF, "pdf_alone")
    root = corpus(tmp, TXT, XML, PDF)
    db = os.path.join(tmp, "d.db")
    run("ingest", "--db", db, root, check=0)
    expect_chosen(db, "akn", xml_alone, 3)
    rid = q(db, "SELECT id FROM resolutions")[0][0]
    xml = os.path.join(root, "xml", os.path.basename(XML))
    held = os.path.join(tmp, "held.xml")
    shutil.move(xml, held)
    # The next best source takes over in the same run: the PDF, then (PDF gone too) the text.
    run("ingest", "--db", db, root, check=1)  # exit 1: a file is missing
    expect_chosen(db, "pdf", pdf_alone, 2)
    if q(db, "SELECT id FROM resolutions")[0][0] != rid:
        fail("the resolution did not keep its id when the PDF took over from the gone XML")
    os.remove(os.path.join(root, "pdf", os.path.basename(PDF)))
    run("ingest", "--db", db, root, check=1)
    expect_chosen(db, "pdf-text", text_alone, 1)
    run("ingest", "--db", db, root, check=1)  # again: nothing moves, nothing doubles
    expect_chosen(db, "pdf-text", text_alone, 1)
    # The XML back: unchanged bytes, but it is read again and takes the resolution back.
    shutil.move(held, xml)
    run("ingest", "--db", db, root, check=1)  # the PDF is still missing
    expect_chosen(db, "akn", xml_alone, 2)


def changed_xml(tmp):
    text_alone = alone(tmp, TXT, "text_alone")
    root = corpus(tmp, TXT, XML)
    db = os.path.join(tmp, "c.db")
    run("ingest", "--db", db, root, check=0)
    # The XML file now holds another resolution: the text's rows stand for A/RES/78/11 in the same run.
    shutil.copy(os.path.join(DATA, "akn", "A_RES_78_1_E.xml"), os.path.join(root, "xml", os.path.basename(XML)))
    p = run("ingest", "--db", db, root, check=0)
    if "reading " not in p.stderr:
        fail(f"the text was not read again: {p.stderr}")
    if "2 file(s) seen, 2 loaded, 0 unchanged" not in p.stderr:
        fail(f"a file read again is counted twice: {p.stderr}")
    got = q(db, "SELECT r.symbol, d.format FROM resolutions r JOIN documents d ON d.id = r.document_id ORDER BY 1")
    if got != [("A/RES/78/1", "akn"), (SYMBOL, "pdf-text")]:
        fail(f"resolutions after the XML changed: {got}")
    para = q(db, "SELECT count(*) FROM paragraphs p JOIN resolutions r ON r.id = p.resolution_id WHERE r.symbol = ?", SYMBOL)
    if para[0][0] != text_alone[2]["paragraphs"]:
        fail(f"{para[0][0]} paragraphs of {SYMBOL}, the text alone has {text_alone[2]['paragraphs']}")


def rejected_xml(tmp):
    text_alone = alone(tmp, TXT, "text_alone")
    root = corpus(tmp, TXT, XML)
    db = os.path.join(tmp, "r.db")
    run("ingest", "--db", db, root, check=0)
    with open(os.path.join(root, "xml", os.path.basename(XML)), "w") as f:
        f.write("<akomaNtoso><act>")  # broken XML: quarantined, its rows removed
    run("ingest", "--db", db, root, check=1)
    expect_chosen(db, "pdf-text", text_alone, 1)


def same_kind(tmp):
    root = corpus(tmp, TXT, XML)
    db = os.path.join(tmp, "s.db")
    run("ingest", "--db", db, root, check=0)
    before = rows(db)
    copy = os.path.join(root, "txt", "copy_of_78_11.txt")
    shutil.copy(TXT, copy)
    p = run("ingest", "--db", db, root, check=1)
    original = os.path.join(root, "txt", os.path.basename(TXT))
    reason = q(db, "SELECT reason FROM quarantine WHERE path = ?", copy)
    if not reason or "conflicting symbol: " + SYMBOL not in reason[0][0] or original not in reason[0][0] \
            or "text" not in reason[0][0]:
        fail(f"the copy's quarantine reason does not name the symbol, the other file and the kind: {reason}")
    if rows(db) != before:
        fail("the conflicting copy changed the resolution's rows")
    if q(db, "SELECT count(*) FROM resolution_sources")[0][0] != 2:
        fail("the conflicting copy was linked")


def disagreements(tmp):
    root = corpus(tmp, TXT, XML)
    # The text says another date and meeting, and lacks a preambular paragraph.
    txt = os.path.join(root, "txt", os.path.basename(TXT))
    text = open(txt, encoding="utf-8").read()
    for old, new in (("28 November 2023 \n", "29 November 2023 \n"), ("40th plenary meeting", "41st plenary meeting"),
                     ("Recalling Security Council resolution 497 (1981) of 17 December 1981, \n \n", "")):
        if old not in text:
            fail(f"test data changed: {old!r} not in {txt}")
        text = text.replace(old, new, 1)
    open(txt, "w", encoding="utf-8").write(text)
    db = os.path.join(tmp, "g.db")
    run("ingest", "--db", db, root, check=0)
    got = q(db, "SELECT field, chosen_format, chosen_value, other_format, other_value FROM source_disagreements ORDER BY field")
    want = [("adopted_on", "akn", "2023-11-28", "pdf-text", "2023-11-29"),
            ("plenary_meeting", "akn", "40", "pdf-text", "41"),
            ("preambular_paragraphs", "akn", str(int(got[2][2]) if len(got) > 2 else 0), "pdf-text",
             str(int(got[2][2]) - 1 if len(got) > 2 else -1))]
    if got != want:
        fail(f"source_disagreements: {got}, expected {want}")
    p = run("sources", "--db", db, "--disagreements", check=0)
    lines = p.stdout.splitlines()
    if len(lines) != 4 or "3 disagreement(s)" not in p.stderr or not any("\tadopted_on\takn\t2023-11-28\tpdf-text\t2023-11-29\t" in l for l in lines):
        fail(f"unres sources --disagreements: {p.stdout} {p.stderr}")
    # The unmodified text agrees with the XML: no disagreement.
    shutil.copy(TXT, txt)
    run("ingest", "--db", db, root, check=0)
    if q(db, "SELECT count(*) FROM source_disagreements")[0][0] != 0:
        fail(f"disagreements left after the text was fixed: {q(db, 'SELECT * FROM source_disagreements')}")


def foreign_text_taken_over(tmp):
    """A paragraph of the text source with Han characters and Arabic marks (each full-text index
    holds it with the text its view gives): when the XML takes the resolution over, both indexes
    lose it, by that same text."""
    root = corpus(tmp, XML)
    os.makedirs(os.path.join(root, "txt"))
    with open(TXT, encoding="utf-8") as f:
        text = f.read()
    marked = text.replace("Declares that Israel has failed", "Declares (中华人民共和国, تُستأنَف) that Israel has failed", 1)
    if marked == text:
        fail("the text source no longer has the paragraph this test marks")
    with open(os.path.join(root, "txt", os.path.basename(TXT)), "w", encoding="utf-8") as f:
        f.write(marked)
    db = os.path.join(tmp, "f.db")
    run("ingest", "--db", db, os.path.join(root, "txt"), check=0)
    if q(db, "SELECT count(*) FROM paragraphs_han_fts WHERE paragraphs_han_fts MATCH '人民共'")[0][0] != 1:
        fail("the text source's Han paragraph is not in the Han index")
    run("ingest", "--db", db, os.path.join(root, "xml"), check=0)
    if q(db, "SELECT d.format FROM resolutions r JOIN documents d ON d.id = r.document_id")[0][0] != "akn":
        fail("the XML did not take the resolution over")
    for index in ("paragraphs_fts", "paragraphs_han_fts"):
        try:
            q(db, f"INSERT INTO {index}({index}) VALUES('integrity-check')")
        except sqlite3.DatabaseError as e:
            fail(f"{index} out of step with its view after the XML took over: {e}")
    if q(db, "SELECT count(*) FROM paragraphs_han_fts WHERE paragraphs_han_fts MATCH '人民共'")[0][0] != 0:
        fail("the Han index still finds the text source's paragraph")


SCENARIOS = {f.__name__: f for f in (text_then_xml, xml_then_text, delete_xml, changed_xml, rejected_xml, same_kind,
                                     disagreements, foreign_text_taken_over)}

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        SCENARIOS[sys.argv[3]](tmp)
    print("ok")
