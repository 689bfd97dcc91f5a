#!/usr/bin/env python3
"""Compares the AKN reader (build/tests/akn_dump) with the gold of ../shared, file by file, using the
metrics of ../shared/tools/evaluate_akn.py on the reader's own output (no database):
found, preambular/operative count_exact and text_match, operative subparagraph_count, footnote
count_exact, footnote link_recall, citation recall; per organ and per language.

usage: tests/unit/akn_measure.py AKN_DUMP GOLD.json CORPUS_DIR... [--show N]
"""
import argparse, json, os, re, subprocess, sys, difflib
from collections import defaultdict

def nsym(s): return re.sub(r"\s+", "", s or "").upper()
def ntext(s): return "".join(ch for ch in (s or "").lower() if ch.isalpha())
def similar(a, b):
    a1, b1 = ntext(a), ntext(b)
    if a1 == b1: return True
    if abs(len(a1) - len(b1)) >= 0.2 * max(len(b1), 1): return False
    return difflib.SequenceMatcher(None, a1, b1, autojunk=False).ratio() >= 0.95

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump"); ap.add_argument("gold", nargs="+"); ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    files = []
    for d in a.corpus:
        for dp, _, fns in os.walk(d):
            files += [os.path.join(dp, f) for f in sorted(fns) if f.endswith(".xml")]
    out = subprocess.run([a.dump] + files, capture_output=True, text=True, check=True).stdout
    got = {}
    errors = []
    for line in out.splitlines():
        d = json.loads(line)
        if "error" in d: errors.append((d["file"], d["error"])); continue
        for r in d["resolutions"]:
            got[(nsym(r["meta"].get("symbol")), r["meta"].get("language"))] = r
    M = defaultdict(lambda: defaultdict(lambda: [0, 0])); misses = defaultdict(list)
    def m(groups, name, ok, ex=None):
        for g in groups:
            M[g][name][1] += 1; M[g][name][0] += bool(ok)
        if not ok and ex is not None: misses[name].append(ex)
    for gp in a.gold:
        for g in json.load(open(gp, encoding="utf-8"))["resolutions"]:
            lang = g.get("language", "en"); organ = g.get("organ") or "GA"
            groups = ["all", "organ " + organ, "lang " + lang]
            r = got.get((nsym(g["symbol"]), lang))
            m(groups, "found", r is not None, (g["symbol"], lang))
            if r is None: continue
            paras = r.get("paragraphs", [])
            top = lambda k: [(i, p) for i, p in enumerate(paras) if p["kind"] == k and p["parent"] == -1]
            gops = g["operative"] or g.get("operative_unnumbered", [])
            for kind, gl in (("preambular", g["preambular"]), ("operative", gops)):
                dl = top(kind)
                m(groups, f"{kind}.count_exact", len(dl) == len(gl), (g["symbol"], lang, len(dl), len(gl)))
                for n, gpar in enumerate(gl):
                    i, p = dl[n] if n < len(dl) else (None, None)
                    m(groups, f"{kind}.text_match", p is not None and similar(p["text"], gpar["text"]),
                      (g["symbol"], lang, n + 1, (p or {}).get("text", "missing")[:90], gpar["text"][:90]))
                    subs = sum(1 for q in paras if q["parent"] == i) if i is not None else 0
                    if kind == "operative" and p is not None and (gpar.get("subparagraphs", 0) or subs):
                        m(groups, "operative.subparagraph_count", subs == gpar.get("subparagraphs", 0),
                          (g["symbol"], lang, n + 1, subs, gpar.get("subparagraphs", 0)))
                    linked = {mk["footnote"] for mk in r.get("marks", []) if mk["paragraph"] == i}
                    for note in gpar.get("notes", []):
                        m(groups, "footnote.link_recall", i is not None and note in linked, (g["symbol"], lang, kind, n + 1, note))
            m(groups, "footnote.count_exact", len(r.get("footnotes", [])) == len(g.get("footnotes", [])),
              (g["symbol"], lang, len(r.get("footnotes", [])), len(g.get("footnotes", []))))
            cites = {nsym(c["target"]) for c in r.get("citations", [])}
            for c in {nsym(c) for p in g["preambular"] + gops for c in p.get("citations", [])}:
                m(groups, "citation.recall", c in cites, (g["symbol"], lang, c))
    names = ["found", "preambular.count_exact", "operative.count_exact", "preambular.text_match", "operative.text_match",
             "operative.subparagraph_count", "footnote.count_exact", "footnote.link_recall", "citation.recall"]
    print(f"{len(files)} files, {len(errors)} rejected")
    for f, e in errors: print("  rejected", f, e)
    print(f"{'group':12s} " + " ".join(f"{n.replace('.count_exact', '#').replace('.text_match', '~').replace('operative.', 'op.').replace('preambular.', 'pre.'):>14s}" for n in names))
    for grp in sorted(M, key=lambda k: (k != "all", k)):
        print(f"{grp:12s} " + " ".join(
            (f"{M[grp][n][0] / M[grp][n][1]:.3f}({M[grp][n][1]:>4d})" if M[grp][n][1] else f"{'-':>14s}").rjust(14) for n in names))
    if a.show:
        for k, v in misses.items():
            print("---", k, len(v)); [print("   ", e) for e in v[:a.show]]

if __name__ == "__main__":
    main()
