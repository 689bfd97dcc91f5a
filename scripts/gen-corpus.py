#!/usr/bin/env python3
"""Deterministic benchmark corpus: N resolutions made by replicating the real ones in tests/data/
(both layouts, mixed) with rewritten symbols, so that every file is a distinct resolution.

usage: gen-corpus.py N OUTDIR [--seed S]
Each copy k of a source resolution A/RES/<s>/<n> becomes A/RES/<100+k//1000>/<k%1000+1> and its
"<s>/<n>." title line follows. Files are spread over subdirectories of 1000.
"""
import argparse, os, re, sys

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int); ap.add_argument("out")
    a = ap.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data")
    sources = []
    for sub in ("seeds", "odsrender", "pdftext"):
        d = os.path.join(root, sub)
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                text = f.read()
            m = re.search(r"^\s*(\d{1,3})/(\d{1,4})\.\s", text, re.M)
            if m:
                sources.append((name, text, m.group(1), m.group(2)))
    if not sources:
        sys.exit("no source resolutions under tests/data")
    for k in range(a.n):
        name, text, s, n = sources[k % len(sources)]
        session, number = 100 + k // 1000, k % 1000 + 1
        text = text.replace(f"A/RES/{s}/{n}", f"A/RES/{session}/{number}")
        text = re.sub(rf"^(\s*){s}/{n}\.", rf"\g<1>{session}/{number}.", text, count=1, flags=re.M)
        # The ODS field of one sample is truncated ("A/RES/69/"): make the copy's symbol whole.
        text = text.replace(f"<<ODS DOC SYMBOL1>>A/RES/{s}/<<", f"<<ODS DOC SYMBOL1>>A/RES/{session}/{number}<<")
        d = os.path.join(a.out, f"{k // 1000:03d}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"{k:06d}_{os.path.splitext(name)[0]}.txt"), "w", encoding="utf-8") as f:
            f.write(text)

if __name__ == "__main__":
    main()
