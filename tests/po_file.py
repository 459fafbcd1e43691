# tests/po_file.py — reading gettext catalogues, for the translation checks and the pseudo-locale.
#
# SPDX-License-Identifier: GPL-3.0-or-later


def unquote(line):
    """The text of a .po line's quoted string, its C escapes read."""
    body = line[line.index('"') + 1:line.rindex('"')]
    return bytes(body, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def read_po(path):
    """The entries of a .po or .pot file, the header first: dicts of msgctxt, msgid,
    msgid_plural, msgstr[N] and the set of flags."""
    entries, entry, key = [], None, None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n") + [""]
    for line in lines:
        if line.startswith("#~"):
            continue
        if line.strip() == "":
            if entry is not None and "msgid" in entry:
                entries.append(entry)
            entry, key = None, None
            continue
        if entry is None:
            entry = {"flags": set()}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += unquote(line)
        else:
            key = line.split(" ", 1)[0]
            entry[key] = unquote(line)
    return entries
