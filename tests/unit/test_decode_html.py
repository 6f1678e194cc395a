"""A page's declared charset, however hostile, never makes decoding raise (issue 8, item 2)."""

import pytest

from pipeline.extract import decode_html

HOSTILE = [
    "undefined", "punycode", "idna", "base64", "base64_codec", "zlib_codec", "zlib", "rot13", "rot_13", "hex",
    "hex_codec", "uu", "uu_codec", "bz2_codec", "quopri", "utf-7", "utf_7", "", " ", "-", "x" * 5000,
    "utf-8" * 1000, "mbcs", "oem", "utf-16", "utf-32", "unicode_escape", "raw_unicode_escape",
]
BODIES = [
    b"<html><head><meta charset=\"%s\"></head><body><p>Ceasefire \xe2\x80\x94 caf\xc3\xa9</p></body></html>",
    b"<html><head><meta charset=%s></head><body><p>junk +\xff\xfe-+AAA- \\x \\u12 \\N{ \xe9\x80</p></body></html>",
    b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\"><p>+-+ZZZ- \x00\x01 \x80\x81",
    b"<html><head><meta charset=\"%s\"></head><body><p>Ceasefire holds in Idlib.</p></body></html>",  # all ASCII
    b"<meta charset=%s><p>" + b"x" * 100 + b".xn--zz.-+AAA-+ZZZ</p>",
]
HTTP_ONLY = ["utf-8\x00", "\x00", "\ud800", "utf-8; q=1", "../../etc", "\u0130", "xn--"]


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("template", BODIES)
def test_hostile_meta_charset_decodes_to_text(name, template):
    body = template.replace(b"%s", name.encode("ascii"))
    assert isinstance(decode_html(body, None), str)


@pytest.mark.parametrize("name", HOSTILE + HTTP_ONLY)
@pytest.mark.parametrize("template", BODIES)
def test_hostile_http_charset_decodes_to_text(name, template):
    body = template.replace(b"%s", b"utf-8")
    assert isinstance(decode_html(body, name), str)


@pytest.mark.parametrize("name", ["rot13", "base64", "zlib_codec", "hex", "uu", "idna", "punycode"])
def test_non_text_codecs_are_not_used(name):
    text = decode_html("<meta charset=\"{}\"><p>Ceasefire holds in Idlib</p>".format(name).encode("ascii"), name)
    assert "Ceasefire holds in Idlib" in text


def test_declared_text_charsets_still_apply():
    assert "caf\u00e9" in decode_html("<p>caf\u00e9</p>".encode("cp1252"), "windows-1252")
    assert "\u0421\u0438\u0440\u0438\u044f" in decode_html(
        b"<meta charset=\"koi8-r\">" + "\u0421\u0438\u0440\u0438\u044f".encode("koi8-r"), None)
    assert "caf\u00e9" in decode_html("<p>caf\u00e9</p>".encode("utf-8"), None)


def test_meta_utf16_on_ascii_compatible_bytes_reads_as_utf8():
    assert "caf\u00e9" in decode_html(b"<meta charset=\"utf-16\"><p>caf\xc3\xa9</p>", None)
