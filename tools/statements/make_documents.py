#!/usr/bin/env python3
"""Writes the test statements as the documents bodies send: DOCX, ODT and PDF, from one source each.

    python3 tools/statements/make_documents.py    # writes Tests/SkillnadCoreTests/Resources/Statements/*.{docx,odt,pdf}

Standard library only, so the documents can be made again anywhere. A source (`NAME.txt` in that folder) is
lines of markup:

    @header Tjänsteutlåtande | Dnr 112-2016-1.5.1       a page header (DOCX header part, ODT master page, PDF top)
    @label A.2.3.1 supports                            the position a person reads there (not in the documents)
    # Heading                                          a heading
    | cell | cell |                                     a table row
    text                                               a paragraph; [-deleted-] and [+inserted+] are tracked
                                                       changes; ~ marks where a word may be hyphenated (PDF)

What a reader must give back is the source's text with deleted text and ~ removed (`expected_paragraphs`).
The PDF repeats the header on every page and numbers the pages at the foot ("Sida 2 (3)"), and wraps lines
at 64 characters, breaking a word at a ~ with a hyphen where it must.
"""
import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "..", "..", "Tests", "SkillnadCoreTests", "Resources", "Statements")
STAMP = (2024, 1, 1, 0, 0, 0)  # fixed, so the files are the same every time they are made


def parse(source):
    header, blocks = [], []
    for line in source.splitlines():
        if not line.strip() or line.startswith("@label "):
            continue
        if line.startswith("@header "):
            header = [part.strip() for part in line[8:].split("|")]
        elif line.startswith("# "):
            blocks.append(("heading", line[2:].strip()))
        elif line.startswith("|"):
            blocks.append(("row", [cell.strip() for cell in line.strip().strip("|").split("|")]))
        else:
            blocks.append(("text", line.strip()))
    return header, blocks


def plain(text):
    return re.sub(r"\[\-.*?\-\]", "", text).replace("[+", "").replace("+]", "").replace("~", "")


def runs(text):
    """(kind, text) pieces: kind is 'keep', 'del' or 'ins'."""
    for piece in re.split(r"(\[\-.*?\-\]|\[\+.*?\+\])", text.replace("~", "")):
        if piece.startswith("[-"):
            yield "del", piece[2:-2]
        elif piece.startswith("[+"):
            yield "ins", piece[2:-2]
        elif piece:
            yield "keep", piece


# ------------------------------------------------------------------------------------------------ DOCX

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def docx_runs(text):
    out = []
    for kind, piece in runs(text):
        parts = piece.split("\t")
        inner = '<w:tab/>'.join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in parts)
        if kind == "del":
            deleted = '<w:tab/>'.join(f'<w:delText xml:space="preserve">{escape(p)}</w:delText>' for p in parts)
            out.append(f'<w:del w:id="1" w:author="Handläggare"><w:r>{deleted}</w:r></w:del>')
        elif kind == "ins":
            out.append(f'<w:ins w:id="2" w:author="Handläggare"><w:r>{inner}</w:r></w:ins>')
        else:
            out.append(f'<w:r><w:rPr><w:lang w:val="sv-SE"/></w:rPr>{inner}</w:r>')
    return "".join(out)


def docx_paragraph(text, style=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' \
        if style else ""
    return f"<w:p>{props}{docx_runs(text)}</w:p>"


def docx(header, blocks, path):
    body, table = [], []

    def flush():
        if table:
            rows = "".join("<w:tr>" + "".join(f"<w:tc>{docx_paragraph(c)}</w:tc>" for c in row) + "</w:tr>"
                           for row in table)
            body.append(f"<w:tbl>{rows}</w:tbl>")
            table.clear()
    for kind, value in blocks:
        if kind == "row":
            table.append(value)
            continue
        flush()
        body.append(docx_paragraph(value, "Rubrik1" if kind == "heading" else None))
    flush()
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>' \
        + "".join(body) + '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:body></w:document>'
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}>' \
        + "".join(docx_paragraph(line) for line in header) + "</w:hdr>"
    foot = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W}>' \
        + '<w:p><w:r><w:t xml:space="preserve">Sida </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>' \
        + '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/>' \
        + "</w:r></w:p></w:ftr>"
    types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/' \
        'content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ' \
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/' \
        'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main' \
        '+xml"/></Types>'
    rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/' \
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/' \
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", document),
                           ("word/header1.xml", head), ("word/footer1.xml", foot)]:
            z.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)


# ------------------------------------------------------------------------------------------------- ODT

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')


def odt_text(text, changes):
    out = []
    for kind, piece in runs(text):
        parts = piece.split("\t")
        escaped = "<text:tab/>".join(odt_spaces(escape(p)) for p in parts)
        if kind == "del":
            number = f"ct{len(changes) + 1}"
            changes.append(f'<text:changed-region text:id="{number}"><text:deletion><office:change-info>'
                           f'<dc:creator>Handläggare</dc:creator></office:change-info><text:p>{escaped}</text:p>'
                           f'</text:deletion></text:changed-region>')
            out.append(f'<text:change text:change-id="{number}"/>')
        elif kind == "ins":
            number = f"ct{len(changes) + 1}"
            changes.append(f'<text:changed-region text:id="{number}"><text:insertion><office:change-info>'
                           f'<dc:creator>Handläggare</dc:creator></office:change-info></text:insertion>'
                           f'</text:changed-region>')
            out.append(f'<text:change-start text:change-id="{number}"/>{escaped}'
                       f'<text:change-end text:change-id="{number}"/>')
        else:
            out.append(f'<text:span>{escaped}</text:span>')
    return "".join(out)


def odt_spaces(text):
    """Runs of spaces as ODF writes them: one space, then text:s for the rest."""
    return re.sub(r"  +", lambda m: " " + f'<text:s text:c="{len(m.group(0)) - 1}"/>', text)


def odt(header, blocks, path):
    changes, body, table = [], [], []

    def flush():
        if table:
            rows = "".join("<table:table-row>" + "".join(
                f'<table:table-cell><text:p>{odt_text(c, changes)}</text:p></table:table-cell>' for c in row)
                + "</table:table-row>" for row in table)
            body.append(f'<table:table table:name="Tabell{len(body)}">{rows}</table:table>')
            table.clear()
    for kind, value in blocks:
        if kind == "row":
            table.append(value)
            continue
        flush()
        if kind == "heading":
            body.append(f'<text:h text:outline-level="1">{odt_text(value, changes)}</text:h>')
        else:
            body.append(f"<text:p>{odt_text(value, changes)}</text:p>")
    flush()
    tracked = f"<text:tracked-changes>{''.join(changes)}</text:tracked-changes>" if changes else ""
    content = f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}><office:body><office:text>' \
        f'{tracked}{"".join(body)}</office:text></office:body></office:document-content>'
    head = "".join(f"<text:p>{escape(line)}</text:p>" for line in header)
    styles = f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NS}><office:master-styles>' \
        f'<style:master-page style:name="Standard"><style:header>{head}</style:header><style:footer>' \
        f'<text:p>Sida <text:page-number>1</text:page-number></text:p></style:footer></style:master-page>' \
        f'</office:master-styles></office:document-styles>'
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", STAMP), "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        for name, data in [("content.xml", content), ("styles.xml", styles), ("META-INF/manifest.xml",
                           '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
                           'names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                           'manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>')]:
            z.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)


# ------------------------------------------------------------------------------------------------- PDF

def wrap(text, width=64):
    """Lines of at most `width` characters; a word marked with ~ may be broken there with a hyphen."""
    lines, line = [], ""
    for word in text.split(" "):
        candidate = (line + " " + word) if line else word
        if len(candidate.replace("~", "")) <= width:
            line = candidate
            continue
        pieces = word.split("~")
        if len(pieces) > 1:
            head = pieces[0]
            if len((line + " " + head + "-") if line else head + "-") <= width:
                lines.append(((line + " ") if line else "") + head + "-")
                line = "".join(pieces[1:])
                continue
        lines.append(line)
        line = word
    lines.append(line)
    return [l.replace("~", "") for l in lines if l]


def pdf_string(text):
    data = text.encode("cp1252")
    return "(" + data.decode("latin-1").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def pdf(header, blocks, path, lines_per_page=40, text=True):
    lines = []
    for kind, value in blocks:
        if kind == "row":
            lines.append("    ".join(plain(cell) for cell in value))
            lines.append("")
            continue
        lines.extend(wrap(re.sub(r"\[\-.*?\-\]", "", value).replace("[+", "").replace("+]", "").replace("\t", " ")))
        lines.append("")
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    objects = []
    page_ids = []
    font_id = 3
    for number, page in enumerate(pages, 1):
        y = 800
        ops = []
        if text:
            for line in header:
                ops.append(f"BT /F1 9 Tf 56 {y} Td {pdf_string(line)} Tj ET")
                y -= 12
            y -= 18
            for line in page:
                if line:
                    ops.append(f"BT /F1 11 Tf 56 {y} Td {pdf_string(line)} Tj ET")
                    y -= 14
                else:
                    y -= 12  # a paragraph's gap
            ops.append(f"BT /F1 9 Tf 280 40 Td {pdf_string(f'Sida {number} ({len(pages)})')} Tj ET")
        else:
            ops.append("0.5 g 56 100 480 650 re f")  # a grey rectangle: a scanned page's image, no text
        stream = "\n".join(ops).encode("latin-1")
        objects.append((f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"))
        content_id = 3 + len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content_id} 0 R "
                       f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode())
        page_ids.append(3 + len(objects))
    head = [b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{' '.join(f'{i} 0 R' for i in page_ids)}] /Count {len(pages)} >>".encode(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    everything = head + objects
    out = bytearray(b"%PDF-1.4\n%\xe5\xe4\xf6\n")
    offsets = []
    for number, body in enumerate(everything, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(everything) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(everything) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)


def main():
    names = sorted(n[:-4] for n in os.listdir(FOLDER) if n.endswith(".txt") and not n.startswith("expected"))
    for name in names:
        with open(os.path.join(FOLDER, name + ".txt"), encoding="utf-8") as f:
            header, blocks = parse(f.read())
        docx(header, blocks, os.path.join(FOLDER, name + ".docx"))
        odt(header, blocks, os.path.join(FOLDER, name + ".odt"))
        pdf(header, blocks, os.path.join(FOLDER, name + ".pdf"))
    pdf([], [("text", "x")], os.path.join(FOLDER, "scan.pdf"), text=False)
    print(f"wrote {len(names)} statements as DOCX, ODT and PDF, and scan.pdf, in {os.path.normpath(FOLDER)}")


if __name__ == "__main__":
    sys.exit(main())
