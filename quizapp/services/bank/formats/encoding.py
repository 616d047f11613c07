"""Turn the bytes of an uploaded question file into text: UTF-8 only, a byte-order mark accepted and dropped."""

from __future__ import annotations

from quizapp.services.bank.formats.model import N_, FormatError

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes) -> str:
    """Return data as text with "\\n" line ends; refuse any encoding but UTF-8, naming the first bad line."""
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
    elif data.startswith(_UTF16_BOMS):
        raise FormatError(1, N_("not UTF-8 text: the file is UTF-16; save it as UTF-8 and try again"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FormatError(
            line,
            # the line is named once, by whoever shows the error ("line 3: …")
            N_("not UTF-8 text (byte 0x%(byte)s); save the file as UTF-8 and try again"),
            byte=f"{data[exc.start]:02x}",
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise FormatError(line, N_("not a text file: line %(line)d has a NUL byte"), line=line)
    return text.replace("\r\n", "\n").replace("\r", "\n")
