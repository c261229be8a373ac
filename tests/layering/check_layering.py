#!/usr/bin/env python3
"""The one-way pipeline, kept by a test (docs/architecture.md, "Folders").

Every `#include "..."` (and `#include <scrutin...>`) of engine/FOLDER/ may name
only its own folder or one before it in FOLDERS; a public header stands for
the folder that implements it (PUBLIC). The public headers in include/ may
include only public headers, of their own folder or one before it.
Prints every offending line and exits 1 if there is one.

Usage: check_layering.py SOURCE_DIR
"""
import os
import re
import sys

# The order of docs/architecture.md: a folder may use only the folders before it.
FOLDERS = ["common", "rules", "scenario", "model", "tally", "court", "sim", "summary",
           "study", "report", "cli"]

# Which folder each public header belongs to. A new header must be placed here.
PUBLIC = {
    "scrutin/export.h": "common", "scrutin/error.h": "common", "scrutin/format.h": "common",
    "scrutin/version.h": "common", "scrutin/text.h": "common",
    "scrutin/rules.h": "rules",
    "scrutin/scenario.h": "scenario", "scrutin/import.h": "scenario",
    "scrutin/model.h": "model",
    "scrutin/tally.h": "tally",
    "scrutin/sim.h": "sim", "scrutin/replay.h": "sim", "scrutin/paired.h": "sim",
    "scrutin/reduce.h": "sim",
    "scrutin/outcomes.h": "sim",
    "scrutin/summary.h": "summary",
    "scrutin/compare.h": "study", "scrutin/sweep.h": "study",
    "scrutin/report.h": "report", "scrutin/plot.h": "report", "scrutin/output.h": "report",
    "scrutin/draws.h": "report",
    "scrutin.h": "cli",  # every header at once: only for clients of the whole library
}

INCLUDE = re.compile(r'^\s*#\s*include\s*(?:"([^"]+)"|<(scrutin[^>]*)>)')


def includes(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                yield number, m.group(1) or m.group(2)


def owner(name, folder):
    """The folder an include from FOLDER names, or None if it is not one we know."""
    if name in PUBLIC:
        return PUBLIC[name]
    m = re.fullmatch(r"\.\./([a-z_]+)/[^/]+", name)
    if m:
        return m.group(1)
    if "/" not in name:
        return folder
    return None


def check(root):
    problems = []
    rank = {f: i for i, f in enumerate(FOLDERS)}
    engine = os.path.join(root, "engine")
    for folder in sorted(os.listdir(engine)):
        path = os.path.join(engine, folder)
        if not os.path.isdir(path):
            continue
        if folder not in rank:
            problems.append(f"engine/{folder}/: a folder not in the order {', '.join(FOLDERS)}")
            continue
        for name in sorted(os.listdir(path)):
            if not name.endswith((".c", ".h")):
                continue
            for number, inc in includes(os.path.join(path, name)):
                where = f"engine/{folder}/{name}:{number}: #include \"{inc}\""
                target = owner(inc, folder)
                if target is None or target not in rank:
                    problems.append(f"{where}: not a folder of engine/ or a known public header")
                elif inc not in PUBLIC and "/" not in inc and not os.path.exists(
                        os.path.join(path, inc)):
                    problems.append(f"{where}: no such header in engine/{folder}/")
                elif rank[target] > rank[folder]:
                    problems.append(f"{where}: {folder} may not use {target}, which comes "
                                    f"after it")
    include = os.path.join(root, "include")
    # A header CMake makes from NAME.h.in (version.h) is checked as NAME.h.
    files = {"scrutin.h": "scrutin.h"}
    for n in sorted(os.listdir(os.path.join(include, "scrutin"))):
        if n.endswith((".h", ".h.in")):
            files["scrutin/" + n.removesuffix(".in")] = "scrutin/" + n
    for header, file in files.items():
        if header not in PUBLIC:
            problems.append(f"include/{header}: a public header with no folder in "
                            f"tests/layering/check_layering.py (PUBLIC)")
            continue
        for number, inc in includes(os.path.join(include, file)):
            where = f"include/{file}:{number}: #include \"{inc}\""
            if inc not in PUBLIC or inc == "scrutin.h":
                problems.append(f"{where}: a public header may include only the others")
            elif rank[PUBLIC[inc]] > rank[PUBLIC[header]]:
                problems.append(f"{where}: {PUBLIC[header]} may not use {PUBLIC[inc]}, which "
                                f"comes after it")
    doc = os.path.join(root, "docs", "architecture.md")
    with open(doc, encoding="utf-8") as f:
        if ", ".join(FOLDERS) not in f.read().replace("\n", " "):
            problems.append(f"docs/architecture.md does not state the order {', '.join(FOLDERS)}")
    return problems


def main():
    problems = check(sys.argv[1] if len(sys.argv) > 1 else ".")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} include(s) against the folder order (docs/architecture.md)")
        return 1
    print("every include follows the folder order")
    return 0


if __name__ == "__main__":
    sys.exit(main())
