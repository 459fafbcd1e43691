#!/usr/bin/env python3
# tests/check-translations.py — every listed language complete and sound.
#
#   check-translations.py SOURCE_ROOT [--template FILE.pot] [LANGUAGE.po …]
#
# For each po/LANG.po named in po/LINGUAS (or each file given): msgfmt --check passes; merged
# with a template freshly made from po/POTFILES.in, nothing is untranslated or fuzzy; the
# {placeholders} of the built-in lessons and the bidi isolates of every translation match its
# English (msgfmt checks the printf formats and the mnemonics); the plural forms are the
# language's; in a right-to-left language, a sentence that would open with a Latin letter or a
# placeholder opens with U+200F RLM instead. Without files, it also checks that the committed
# po/margin-lab.pot is current.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile
import unicodedata

from po_file import read_po

NPLURALS = {"ar": 6, "de": 2, "es": 2, "fr": 2, "pt_BR": 2, "zh_CN": 1}
PLACEHOLDER = re.compile(r"\{[a-z0-9_.-]+\}")
ISOLATES = "\u2066\u2067\u2068\u2069"
RIGHT_TO_LEFT = {"ar"}
RLM = "\u200f"
PRINTF = re.compile(r"%(\d+\$)?['\-+ #0]*\d*(\.\d+)?(l|ll|h|z)?[sdufgexXc]")
# The two titles made of placeholders alone whose first one is a position's id, in Latin letters.
ID_FIRST = {"%s: %s %s", "%s: %s %s, %s, %s"}


def opens_left_to_right(text):
    """Whether a label would lay @text out left to right: GTK takes a paragraph's direction
    from its first strong letter, and does not skip the isolates our numbers come in; a
    placeholder is most often such a number, an id or a symbol."""
    text = re.sub(r"<[^>]*>", "", text)
    i = 0
    while i < len(text):
        if text[i] == RLM:
            return False
        match = PRINTF.match(text, i)
        if match:
            return True
        kind = unicodedata.bidirectional(text[i])
        if kind in ("R", "AL"):
            return False
        if kind == "L":
            return True
        i += 1
    return False


def is_right_to_left_sentence(text):
    return any(unicodedata.bidirectional(c) in ("R", "AL") and unicodedata.category(c).startswith("L") for c in text)


def problems_of_entry(entry, language):
    found = []
    english = [entry["msgid"], entry.get("msgid_plural", entry["msgid"])]
    strings = [(k, v) for k, v in entry.items() if k.startswith("msgstr")]
    name = (entry.get("msgctxt", "") + " " + entry["msgid"][:60]).strip()
    for key, text in strings:
        if text == "":
            continue
        source = english[1] if key.endswith("]") and key != "msgstr[0]" else english[0]
        if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
            found.append("%s: %s has placeholders %s, the English %s" % (
                name, key, sorted(PLACEHOLDER.findall(text)), sorted(PLACEHOLDER.findall(source))))
        # printf formats and mnemonics are msgfmt's to check (--check, --check-accelerators),
        # which knows that a plural form for one number may leave the number out.
        for mark in ISOLATES:
            if text.count(mark) != source.count(mark):
                found.append("%s: %s does not keep the bidi isolate U+%04X of the English" % (name, key, ord(mark)))
        if (language in RIGHT_TO_LEFT and (is_right_to_left_sentence(text) or entry["msgid"] in ID_FIRST)
                and opens_left_to_right(text)):
            found.append("%s: %s would be laid out left to right: begin it with U+200F RLM" % (name, key))
    return found


def check_language(root, po, template):
    language = os.path.basename(po)[:-3]
    problems = []
    result = subprocess.run(["msgfmt", "--check", "--check-accelerators=_", "-o", os.devnull, po],
                            capture_output=True, text=True)
    if result.returncode != 0:
        problems.append("msgfmt --check fails:\n" + result.stderr.strip())
    with tempfile.TemporaryDirectory() as tmp:
        merged = os.path.join(tmp, "merged.po")
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, template], check=True)
        entries = read_po(merged)
    header = next(e for e in entries if e["msgid"] == "")
    plural = re.search(r"nplurals=(\d+)", header["msgstr"])
    if plural is None or int(plural.group(1)) != NPLURALS.get(language, 2):
        problems.append("the Plural-Forms header must say nplurals=%d" % NPLURALS.get(language, 2))
    untranslated = fuzzy = 0
    for entry in entries[1:]:
        if "fuzzy" in entry["flags"]:
            fuzzy += 1
        if any(v == "" for k, v in entry.items() if k.startswith("msgstr")):
            untranslated += 1
            if untranslated <= 5:
                problems.append("untranslated: %s" % entry["msgid"][:70])
        problems.extend(problems_of_entry(entry, language))
    if untranslated or fuzzy:
        problems.append("%d untranslated and %d fuzzy of %d messages" % (untranslated, fuzzy, len(entries) - 1))
    return language, problems


def make_template(root, output):
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        files = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    # The arguments of meson's i18n.gettext with preset 'glib'.
    subprocess.run(["xgettext", "--package-name=margin-lab", "-p", os.path.dirname(output), "-D", root,
                    "-o", os.path.basename(output), "--from-code=UTF-8", "--add-comments",
                    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
                    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
                    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
                    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
                    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
                    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
                    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
                    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format",
                    "--flag=g_printf:1:c-format", "--flag=g_fprintf:2:c-format",
                    "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format"] + files,
                   check=True, capture_output=True)


def messages_of(path):
    """The template without its date and its source line numbers: out of date when a message
    or its comment changed, not when code moved."""
    with open(path, encoding="utf-8") as f:
        return [line for line in f if not line.startswith('"POT-Creation-Date:') and not line.startswith("#:")]


def main():
    root = sys.argv[1]
    given = sys.argv[2:]
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        template = os.path.join(tmp, "margin-lab.pot")
        if given[:1] == ["--template"]:
            template = given[1]
            given = given[2:]
        else:
            make_template(root, template)
        if not given:
            if messages_of(template) != messages_of(os.path.join(root, "po", "margin-lab.pot")):
                print("not ok - po/margin-lab.pot is out of date: run 'ninja -C _build margin-lab-pot'")
                status = 1
            else:
                print("ok - po/margin-lab.pot is current")
            with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
                languages = [w for line in f if not line.startswith("#") for w in line.split()]
            given = [os.path.join(root, "po", language + ".po") for language in languages]
            missing = sorted(set(NPLURALS) - set(languages))
            if missing:
                print("not ok - po/LINGUAS does not list %s" % ", ".join(missing))
                status = 1
        for po in given:
            language, problems = check_language(root, po, template)
            if problems:
                status = 1
                print("not ok - %s" % language)
                for problem in problems[:40]:
                    print("#   " + problem.replace("\n", "\n#   "))
            else:
                print("ok - %s is complete" % language)
    sys.exit(status)


main()
