#!/usr/bin/env python3
# tests/pseudo-locale.py — a pseudo-translation of the template, for the layout tests.
#
#   pseudo-locale.py TEMPLATE.pot OUTPUT.po
#
# Every message comes back about 40 % longer and with accents ("Place Order" → "Ƥŀàçé Ŏŕðéŕ
# ẋẋẋẋ"), as a long translation would, so that a window test finds what a translation would
# clip. Placeholders, printf formats, markup and mnemonics are kept as they are.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys

from po_file import read_po

ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçðéƒĝĥîĵķŀɱñöƥʠŕšţûʋŵẋýžÀƁÇÐÉƑĜĤÎĴĶĿṀÑÖƤɊŔŠŢÛṼŴẊÝŽ")
# Kept verbatim: {placeholders}, printf formats, markup tags and entities, a mnemonic's letter.
KEEP = re.compile(r"\{[^{}]*\}|%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:ll|l|z)?[a-zA-Z%]|<[^>]*>|&\w+;|_\w")
PADDING = "ẋ"


def pseudo(text):
    if text == "":
        return text
    out, last = [], 0
    for match in KEEP.finditer(text):
        out.append(text[last:match.start()].translate(ACCENTS))
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].translate(ACCENTS))
    body = "".join(out)
    trailing = body[len(body.rstrip("\n")):]
    body = body.rstrip("\n")
    letters = sum(1 for c in text if c.isalpha())
    extra = round(letters * 0.4)
    # In words of five, so that wrapping text still wraps where it would.
    words = [PADDING * 5] * (extra // 5) + ([PADDING * (extra % 5)] if extra % 5 else [])
    return (body + " " + " ".join(words) if words else body) + trailing


def po_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def main():
    template, output = sys.argv[1], sys.argv[2]
    out = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
           '"Language: en_XA\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n']
    for entry in read_po(template)[1:]:
        lines = []
        if "msgctxt" in entry:
            lines.append("msgctxt " + po_string(entry["msgctxt"]))
        lines.append("msgid " + po_string(entry["msgid"]))
        if "msgid_plural" in entry:
            lines.append("msgid_plural " + po_string(entry["msgid_plural"]))
            lines.append("msgstr[0] " + po_string(pseudo(entry["msgid"])))
            lines.append("msgstr[1] " + po_string(pseudo(entry["msgid_plural"])))
        else:
            lines.append("msgstr " + po_string(pseudo(entry["msgid"])))
        out.append("\n".join(lines) + "\n")
    with open(output, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


main()
