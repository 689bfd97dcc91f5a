"""Generators of hostile inputs for hostile.py: each writes a file (or more) into a directory."""
import os

HEAD = ("[DU1]\n"
        "Resolution adopted by the General Assembly on 19 May 2014\n"
        "[without reference to a Main Committee (A/68/L.44)]\n"
        "{number}.\tHostile input number {number}\n"
        "\n"
        "\tThe General Assembly,\n"
        "\tRecalling its resolution 59/48 of 2 December 2004,\n")
TAIL = ("\n86th plenary meeting\n19 May 2014\n\n"
        "{footnotes}"
        "[DU1]<<ODS JOB NO>>N1345577E<<ODS JOB NO>>\n")
# A sentence with something for every extractor: an action phrase, an organization, citations, a deadline.
SENTENCE = ("Requests the Secretary-General to submit to the General Assembly at its seventieth session a report "
            "on the implementation of resolution 59/48 of 2 December 2004 and of Security Council resolution "
            "1325 (2000), in cooperation with the United Nations Development Programme; ")


def resolution(paragraphs, number="68/272", footnotes=""):
    """An ODS-layout resolution whose operative part is `paragraphs` (a str, already laid out)."""
    return HEAD.format(number=number) + paragraphs + TAIL.format(footnotes=footnotes)


def write(path, text):
    with open(path, "wb") as f:
        f.write(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def one_line(path, size):
    """`size` bytes and not one newline: the layout is detected, nothing else can be."""
    head = b"[DU1]Resolution adopted by the General Assembly on 19 May 2014 The General Assembly, "
    unit = SENTENCE.encode()
    with open(path, "wb") as f:
        f.write(head)
        written = len(head)
        while written + len(unit) <= size:
            f.write(unit)
            written += len(unit)
        f.write(b"x" * (size - written))
    return path


def long_paragraph(path, size):
    """A valid resolution whose first operative paragraph is one line of about `size` bytes."""
    unit = SENTENCE
    count = max(1, size // len(unit))
    body = "\t1.\t" + unit * count + "\n\t2.\tDecides to remain seized of the matter.\n"
    return write(path, resolution(body))


def many_paragraphs(path, count):
    """`count` numbered operative paragraphs. The default rules read labels of 1 to 3 digits, so the
    numbers run 1..999 and start again: every line is an operative paragraph."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD.format(number="68/272"))
        for i in range(count):
            f.write(f"\t{i % 999 + 1}.\tDecides to remain seized of the matter;\n")
        f.write(TAIL.format(footnotes=""))
    return path


def roman(n):
    out = ""
    for value, digits in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += digits
            n -= value
    return out


def letters(n):
    """0 -> a, 25 -> z, 26 -> aa ...: the labels (a), (b) ... (zz) ..."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def nested_labels(path, count):
    """One operative paragraph with `count` sub-paragraph lines, letters and roman numerals in turn
    ((a), (i), (ii), (b), (i), ...), then one line that opens with `count` labels."""
    lines = ["\t1.\tDecides:\n"]
    made = 0
    letter = 0
    while made < count:
        lines.append(f"\t({letters(letter)})\tTo act on item {made};\n")
        made += 1
        for r in range(1, 4):
            if made >= count:
                break
            lines.append(f"\t({roman(r)})\tTo act on sub-item {made};\n")
            made += 1
        letter += 1
    lines.append("\t" + " ".join(f"({letters(i % 26)})" for i in range(count)) + " To act at last.\n")
    lines.append("\t2.\tDecides to remain seized of the matter.\n")
    return write(path, resolution("".join(lines)))


def footnotes(path, count, missing_mark=None):
    """`count` operative paragraphs each pointing at its own footnote (1..count), and the footnotes.
    With `missing_mark`, one paragraph also points at footnote `missing_mark`, which does not exist."""
    body = "".join(f"\t{i}.\tRecalls the report of the Secretary-General,{i} which it welcomes;\n"
                   for i in range(1, count + 1))
    if missing_mark is not None:
        body += f"\t{count + 1}.\tNotes the report of the Secretary-General,{missing_mark} which does not exist;\n"
    notes = "".join(f"{i} A/68/{i}.\n" for i in range(1, count + 1))
    return write(path, resolution(body, footnotes=notes))


def long_symbol(path, length):
    """A resolution whose only symbol (the ODS field) is `length` characters long."""
    digits = "7" * (length - len("A/RES/68/"))
    text = (HEAD.replace("{number}.\tHostile input number {number}\n", "Hostile input without a number line\n")
            + "\t1.\tDecides to remain seized of the matter.\n"
            + TAIL.format(footnotes="")
            + f"<<ODS DOC SYMBOL1>>A/RES/68/{digits}<<ODS DOC SYMBOL1>>\n")
    return write(path, text)


def with_bytes(path, insert, number="68/272"):
    """A valid resolution with `insert` (bytes) in the middle of its first operative paragraph."""
    text = resolution("\t1.\tDecides to remain seized of the matter, ABOVE ALL, today.\n", number=number).encode()
    at = text.index(b"ABOVE ALL")
    return write(path, text[:at] + insert + text[at:])
