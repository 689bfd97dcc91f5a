#!/usr/bin/env python3
"""Writes an AKN4UN resolution out as the UN's plain-text (ODS) export would show it.

    scripts/akn2text.py AKN.xml OUT.txt

There are no plain-text dev sets of the Security Council, the Human Rights Council or ECOSOC; this
derives them from the UN's own XML, independently of unres's XML reader (Python's ElementTree, not
etl/core/formats/akn.cpp), so that the text path can be checked against the XML path
(scripts/organ_agreement.py). The words are the XML's, unchanged (including its glitches, such as
"on18 April 2000"); the layout imitates the ODS samples of tests/data/seeds:

    [DU1]                                   the ODS marker the `ods-text` layout detects
    cover page lines, one element a line    United Nations / S/RES/2270 (2016) / Security Council / ...
    preface lines                           55/1. Advancing human rights in South Sudan
    <TAB>The Security Council,              the enacting formula
    <TAB>Recalling …,                       one line per preambular paragraph
    <TAB>1.<TAB>Condemns …                   one line per operative paragraph, its number first
    <TAB><TAB>(a)<TAB>…                      one line per sub-paragraph (a deeper one: one more tab)
    headings, an embedded draft, the conclusions ("53rd meeting", "3 April 2024"), annexes
    _______________                         the printed rule over the footnotes (only when a
                                            resolution has no closing lines: the Security Council)
    1 A/78/251.                             footnotes, the mark glued to its word in the text
    [DU1]<<ODS JOB NO>>…<<ODS DOC SYMBOL1>>S/RES/2270 (2016)<<ODS DOC SYMBOL1>>
"""
import re
import sys
import xml.etree.ElementTree as ET

A = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


EOL = "\x00"  # an `eol` element: a line break in the text (XML white space is not one)


def local(e):
    return e.tag.replace(A, "") if isinstance(e.tag, str) else ""


def fold(s):
    return " ".join(s.split())


class Writer:
    def __init__(self):
        self.lines = []
        self.notes = []  # (marker, text)

    def text(self, e, skip=("list", "blockList", "num", "embeddedStructure", "authorialNote")):
        """The text of `e`, its footnotes' marks glued where they stand; `skip` children left out."""
        out = [(e.text or "").replace("\n", " ")]
        for c in e:
            name = local(c)
            if name in ("eol", "br"):
                out.append(EOL)
            elif name == "authorialNote":
                marker = c.get("marker") or str(len(self.notes) + 1)
                self.notes.append((marker, fold("".join(c.itertext()))))
                out.append(marker)
            elif name not in skip:
                out.append(self.text(c, skip))
            out.append((c.tail or "").replace("\n", " "))
        return "".join(out)

    def line(self, depth, text, num=None):
        """One line, or one per line break (`eol`) in the text."""
        first, *rest = text.split(EOL)
        first = fold(first)
        tabs = "\t" * depth
        if first or num:
            self.lines.append(f"{tabs}{num}\t{first}" if num else f"{tabs}{first}")
        for more in rest:
            self.line(depth, more)

    def block(self, e, depth):
        """A paragraph, point or container: its own line, then its sub-items one tab deeper."""
        num = e.find(A + "num")
        own = []
        for c in e:
            if local(c) in ("content", "intro", "p"):
                own.append(self.text(c))
            elif local(c) == "list":
                intro = c.find(A + "intro")
                if intro is not None:
                    own.append(self.text(intro))
        self.line(depth, " ".join(own), fold(num.text or "") if num is not None else None)
        for c in e:
            if local(c) in ("content",):
                for emb in c.iter(A + "embeddedStructure"):
                    self.children(emb, depth)
            if local(c) in ("list", "blockList"):
                for item in c:
                    if local(item) in ("point", "item", "list", "sublist", "paragraph"):
                        self.block(item, depth + 1)
                    elif local(item) == "wrapUp":
                        self.line(depth, self.text(item))
            elif local(c) in ("point", "paragraph", "sublist"):
                self.block(c, depth + 1)
            elif local(c) == "embeddedStructure":
                self.children(c, depth)

    def children(self, e, depth):
        for c in e:
            name = local(c)
            if name in ("paragraph", "container", "point"):
                self.block(c, depth)
            elif name in ("formula", "crossHeading", "heading", "subheading", "p", "intro", "wrapUp"):
                self.line(depth, self.text(c))
            elif name in ("num",):
                self.line(depth, c.text or "")
            elif name in ("statement", "preamble", "mainBody", "section", "part", "chapter", "division",
                          "hcontainer", "tblock", "blockContainer", "embeddedStructure", "subdivision",
                          "title", "article", "list", "doc"):
                self.children(c, depth)

    def masthead(self, e):
        """Cover page and preface: each element of a `p` on a line of its own, as the PDF prints them,
        but a date inside a sentence ("…, on 2 March 2016"); a number and its title share a line
        ("55/1.<TAB>Advancing human rights in South Sudan", as in the ODS samples)."""
        for p in e:
            line = fold(p.text or "")
            for c in p:
                if local(c) == "img":
                    pass
                elif local(c) == "docTitle" and re.fullmatch(r"\d+/\d+\.", line.strip()):
                    line = line.strip()
                    line += "\t" + fold(self.text(c, skip=()))
                elif local(c) in ("inline", "span") or (local(c) == "docDate" and line and not line.endswith(":")):
                    line += self.text(c, skip=())
                else:
                    self.line(0, line)
                    line = self.text(c, skip=())
                line += c.tail or ""
            self.line(0, line)


def convert(path):
    root = ET.parse(path).getroot()
    statement = root.find(A + "statement")
    if statement is None:
        raise SystemExit(f"{path}: no statement (a document collection is not written out)")
    w = Writer()
    w.lines.append("[DU1]")
    symbol = ""
    for sec in ("coverPage", "preface"):
        e = statement.find(A + sec)
        if e is not None:
            w.masthead(e)
            n = e.find(f".//{A}docNumber")
            symbol = symbol or (fold(n.text or "") if n is not None else "")
    w.lines.append("")
    for sec in ("preamble", "mainBody"):
        e = statement.find(A + sec)
        if e is not None:
            w.children(e, 1)
    closing = statement.find(A + "conclusions")
    if closing is not None:
        for p in closing:  # "53rd meeting" <eol/> "3 April 2024": two lines
            w.line(0, w.text(p, skip=()))
    attachments = statement.find(A + "attachments")
    if attachments is not None:
        for doc in attachments.iter(A + "doc"):
            w.lines.append("Annex")
            for body in doc:
                if local(body) in ("mainBody", "preface", "preamble"):
                    w.children(body, 1)
    if w.notes:
        w.lines.append("_______________" if closing is None else "")
        for marker, text in w.notes:
            w.lines.append(f"{marker} {text}")
    code = re.sub(r"\W", "", path.rsplit("/", 1)[-1])[:16]
    w.lines.append(f"[DU1]<<ODS JOB NO>>{code}<<ODS JOB NO>>")
    w.lines.append(f"<<ODS DOC SYMBOL1>>{symbol}<<ODS DOC SYMBOL1>>")
    return "\n".join(w.lines) + "\n"


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[2], "w", encoding="utf-8") as out:
        out.write(convert(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
