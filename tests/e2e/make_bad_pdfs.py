#!/usr/bin/env python3
"""Writes bad PDFs of many kinds into a folder, for tests/e2e/cli.sh pdf_ingest:
    make_bad_pdfs.py OUT_DIR GOOD.pdf
Each file's name says what is wrong with it; GOOD.pdf (a real resolution) is cut or copied for the
kinds that start from a real file."""
import sys
from pathlib import Path


def make_pdf(objects, trailer_extra=""):
    """A minimal PDF with a correct cross-reference table; object 1 is the catalog."""
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += f"{i + 1} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for at in offsets:
        out += f"{at:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra} >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return out


def stream(data, extra=b""):
    return b"<< " + extra + b" /Length " + str(len(data)).encode() + b" >>\nstream\n" + data + b"\nendstream"


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
ONE_PAGE = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def text_page(lines):
    content = b"BT /F1 10 Tf 72 720 Td 12 TL\n" + b"".join(b"(" + l.encode() + b") Tj T*\n" for l in lines) + b"ET"
    return make_pdf([CATALOG, ONE_PAGE,
                     b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                     b"/Resources << /Font << /F1 5 0 R >> >> >>",
                     stream(content), b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def main():
    out, good = Path(sys.argv[1]), Path(sys.argv[2]).read_bytes()
    files = {
        # An image, and a text, saved under a .pdf name.
        "image-named.pdf": b"\x89PNG\r\n\x1a\n" + bytes(100),
        # An interrupted download.
        "truncated.pdf": good[: len(good) // 2],
        # A header, an end marker and garbage between.
        "damaged.pdf": b"%PDF-1.7\n" + b"x" * 2000 + b"\n%%EOF\n",
        # A user password (the /U check value matches no empty password).
        "encrypted.pdf": make_pdf(
            [CATALOG, ONE_PAGE, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
             b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + b"A" * 64 + b"> /U <" + b"5" * 64 + b"> >>"],
            "/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]"),
        # A scanned page: one image, no text layer.
        "scanned.pdf": make_pdf(
            [CATALOG, ONE_PAGE,
             b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
             b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
             stream(b"q 612 0 0 792 0 0 cm /Im1 Do Q"),
             stream(b"\x10\x80\x80\xf0", b"/Type /XObject /Subtype /Image /Width 2 /Height 2 "
                                         b"/ColorSpace /DeviceGray /BitsPerComponent 8")]),
        # A page tree with no page.
        "no-pages.pdf": make_pdf([CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"]),
        # 1,001 pages: over the page limit.
        "too-many-pages.pdf": make_pdf(
            [CATALOG, b"<< /Type /Pages /Kids [" + b" ".join(f"{i + 3} 0 R".encode() for i in range(1001))
             + b"] /Count 1001 >>"]
            + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * 1001),
        # A text PDF that is no resolution (a report).
        "report.pdf": text_page(["Report of the Secretary-General", "Summary",
                                 "The present report is submitted pursuant to resolution 78/11."]),
        # An empty file named .pdf.
        "empty.pdf": b"",
    }
    for name, data in files.items():
        (out / name).write_bytes(data)


if __name__ == "__main__":
    main()
