"""Hostile inputs (GitHub issue #10), each run as CI runs eacheck, timed and weighed.

    python benchmarks/hostile.py [--only NAME ...] [--keep DIR]

Every case writes a small valid landscape plus one hostile part into a temporary folder, runs
``eacheck validate`` (or the command the case names) as its own process with no cache, and
prints the wall time, the peak memory (resident set, worker processes included) and the exit
code. The import cases run ``eacheck import SOURCE --mapping MAPPING --dry-run`` on an inventory
built to exhaust it. The bound eacheck promises for every one of them: 10 s and 500 MB on a 2-core machine,
exit code 1 (findings) or 2 (the command cannot run), never a crash. The generators are also
used by the scaling test in tests/test_hostile_input.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

BASE = {
    "architecture/organizations.yaml": """\
        kind: organization
        id: ks
        name: Kommunstyrelseförvaltningen
        type: administration
        """,
    "architecture/capabilities.yaml": """\
        kind: capability
        id: ekonomi
        name: Ekonomi
        """,
}

SYSTEM_HEAD = "kind: system\nid: {id}\nname: System\nowner: ks\ncapabilities: [ekonomi]\nlifecycle: {{status: active}}\n"


def write_base(root: Path) -> Path:
    for relative, text in BASE.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


# -- the generators: (root, size) -> the file written -------------------------------------------


def parent_chain(root: Path, size: int) -> Path:
    """A valid file: capabilities c0 <- c1 <- ... each the parent of the next."""
    parts = [f"kind: capability\nid: c{i}\nname: C{i}\n" + (f"parent: c{i - 1}\n" if i else "") for i in range(size)]
    path = root / "architecture" / "chain.yaml"
    path.write_text("---\n".join(parts), encoding="utf-8")
    return path


def parent_cycle(root: Path, size: int) -> Path:
    """One circle of ``size`` capabilities."""
    parts = [f"kind: capability\nid: k{i}\nname: K{i}\nparent: k{(i + 1) % size}\n" for i in range(size)]
    path = root / "architecture" / "cycle.yaml"
    path.write_text("---\n".join(parts), encoding="utf-8")
    return path


def unknown_keys(root: Path, size: int) -> Path:
    """One system with ``size`` keys nobody knows."""
    text = SYSTEM_HEAD.format(id="s") + "".join(f"unknown_{i}: {i}\n" for i in range(size))
    path = root / "architecture" / "keys.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def bad_used_by(root: Path, size: int) -> Path:
    """One system whose used_by lists ``size`` organizations that do not exist, half of them
    not even text."""
    items = "".join(f"  - nobody-{i}\n" if i % 2 else f"  - {{bad: {i}}}\n" for i in range(size))
    text = SYSTEM_HEAD.format(id="s") + "used_by:\n" + items
    path = root / "architecture" / "used-by.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def duplicate_keys(root: Path, size: int) -> Path:
    text = SYSTEM_HEAD.format(id="s") + "".join("name: again\n" for _ in range(size))
    path = root / "architecture" / "duplicates.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def alias_documents(root: Path, size: int) -> Path:
    """``size`` documents, each expanding an alias of 325 items 300 times (under the old limit
    per document, 97,800 values each)."""
    document = (
        "kind: organization\nid: d{i}\nname: x\ntype: company\n"
        "a: &a [" + ", ".join(["x"] * 325) + "]\n"
        "b: [" + ", ".join(["*a"] * 300) + "]\n"
    )
    path = root / "architecture" / "aliases.yaml"
    path.write_text("---\n".join(document.format(i=i) for i in range(size)), encoding="utf-8")
    return path


def alias_string(root: Path, size: int) -> Path:
    """A 1 MB text aliased ``size`` times into used_by."""
    text = SYSTEM_HEAD.format(id="s") + "description: &big " + "x" * 1_000_000 + "\n"
    text += "used_by: [" + ", ".join(["*big"] * size) + "]\n"
    path = root / "architecture" / "string-bomb.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def billion_laughs(root: Path, size: int) -> Path:
    text = "kind: organization\nid: bomb\nname: x\ntype: company\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    text += "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, size))
    path = root / "architecture" / "laughs.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def deep_nesting(root: Path, size: int) -> Path:
    path = root / "architecture" / "deep.yaml"
    path.write_text("kind: organization\nid: deep\nname: " + "[" * size + "]" * size + "\n", encoding="utf-8")
    return path


def long_values(root: Path, size: int) -> Path:
    """A megabyte-long owner, name and unknown key: messages must not repeat them."""
    long = "x" * size
    text = f"kind: system\nid: s\nname: {long}\nowner: {long}\ncapabilities: [{long}]\nlifecycle: {{status: active}}\n{long[:1000]}: 1\n"
    path = root / "architecture" / "long.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def huge_numbers(root: Path, size: int) -> Path:
    text = SYSTEM_HEAD.format(id="s") + f"cost: {{annual: 0x{'f' * size}}}\nuser_count: {'9' * size}\n"
    text += "---\n" + SYSTEM_HEAD.format(id="t") + f"cost: {{annual: \"{'1' * size}\"}}\n"
    text += "---\n" + SYSTEM_HEAD.format(id=f"0x{'a' * size}")
    path = root / "architecture" / "numbers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def wide_line(root: Path, size: int) -> Path:
    """A key past column ``size`` (the old packed position overflowed at 1,048,575)."""
    text = "kind: capability\nid: c0\nname: C\n---\n"
    text += '{kind: organization, id: wide, type: company, name: "' + "x" * size + '", typo: 1}\n'
    path = root / "architecture" / "wide.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def big_flat_file(root: Path, size: int) -> Path:
    """The largest file eacheck reads, of the smallest values: memory per value at its worst."""
    count = (size - 200) // 2
    text = SYSTEM_HEAD.format(id="s") + "used_by: [" + ",".join(["a"] * count) + "]\n"
    path = root / "architecture" / "flat.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def many_files(root: Path, size: int) -> Path:
    folder = root / "architecture" / "many"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(size):
        (folder / f"s{i}.yaml").write_text(SYSTEM_HEAD.format(id=f"s{i}"), encoding="utf-8")
    return folder


# name: (generator, size)
CASES = {
    "parent chain of 2,000": (parent_chain, 2_000),
    "parent circle of 2,000": (parent_cycle, 2_000),
    "20,000 unknown keys": (unknown_keys, 20_000),
    "60,000 unknown keys": (unknown_keys, 60_000),
    "20,000 bad used_by items": (bad_used_by, 20_000),
    "60,000 bad used_by items": (bad_used_by, 60_000),
    "60,000 duplicate keys": (duplicate_keys, 60_000),
    "800 documents of 300 x 325 aliases": (alias_documents, 800),
    "1 MB text aliased 300 times": (alias_string, 300),
    "1 MB text aliased 2,000 times": (alias_string, 2_000),
    "billion laughs (10^9)": (billion_laughs, 9),
    "nesting 10,000 deep": (deep_nesting, 10_000),
    "400 KB owner, name and key": (long_values, 400_000),
    "5,000-digit numbers": (huge_numbers, 5_000),
    "a key past column 1,048,575": (wide_line, 1_100_000),
    "a 2 MB file of one-letter values": (big_flat_file, 1_999_000),
}


def _cache_replaced_by(kind: str):
    """A case of its own: the cache file of a small repository replaced by a FIFO, or by a link
    to /dev/zero (as read by the cache; eacheck must neither hang nor read it)."""

    def prepare(root: Path, cache: Path, eacheck: list[str]) -> None:
        subprocess.run([*eacheck, "validate", str(root)], env={**os.environ, "EACHECK_CACHE_DIR": str(cache)},
                       capture_output=True, check=False)
        [path] = list(cache.glob("*.cache"))
        path.unlink()
        if kind == "fifo":
            os.mkfifo(path)
        else:
            os.symlink("/dev/zero", path)

    return prepare


CACHE_CASES = {
    "the cache file is a FIFO": _cache_replaced_by("fifo"),
    "the cache file links to /dev/zero": _cache_replaced_by("zero"),
}


# -- import: what a stranger's inventory can make `eacheck import` do ------------------------------

ORGANIZATION_MAPPING = """\
tables:
  - {sheet}kind: organization
    id: Id
    fields:
      name: Namn
      type: {{value: administration}}
"""


def _csv(content):
    """``content``: a function giving the rows' bytes, called when the case runs (made at
    import, a hundred megabytes would count in every case's peak: a child's peak memory
    starts from its parent's)."""

    def write(workdir: Path) -> list[str]:
        source = workdir / "inventering.csv"
        source.write_bytes(b"Id;Namn\r\n" + content())
        mapping = workdir / "mapping.yaml"
        mapping.write_text(ORGANIZATION_MAPPING.format(sheet=""), encoding="utf-8")
        return [str(source), "--mapping", str(mapping)]

    return write


def _wide_workbook_row(cells: int):
    """One row of ``cells`` cells, each with a different number so that it packs as a real
    sheet does (a row of equal cells is refused as a zip bomb before it is read)."""

    def write(workdir: Path) -> list[str]:
        import random
        import zipfile

        from openpyxl import Workbook

        book = Workbook()
        book.active.title = "Org"
        book.active.append(["Id", "Namn"])
        book.active.append(["ksf", "Kommunstyrelsen"])
        plain = workdir / "plain.xlsx"
        book.save(plain)
        generator = random.Random(1)
        row = "".join(f"<c><v>{generator.randrange(10**9)}</v></c>" for _ in range(cells))
        source = workdir / "inventering.xlsx"
        with zipfile.ZipFile(plain) as original, zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as copy:
            for member in original.infolist():
                data = original.read(member.filename)
                if member.filename == "xl/worksheets/sheet1.xml":
                    data = data.replace(b"</sheetData>", f'<row r="3">{row}</row></sheetData>'.encode())
                copy.writestr(member.filename, data)
        mapping = workdir / "mapping.yaml"
        mapping.write_text(ORGANIZATION_MAPPING.format(sheet="sheet: Org\n    "), encoding="utf-8")
        return [str(source), "--mapping", str(mapping)]

    return write


def _update_in_a_big_file(documents: int):
    """``--update`` of one key of one organization in a file of ``documents`` organizations."""

    def write(workdir: Path) -> list[str]:
        path = workdir / "repo" / "architecture" / "organisationer.yaml"
        path.write_text("---\n".join(
            f"kind: organization\nid: org-{number}\nname: Organisation {number}  # kommentar\n"
            f"type: administration\n" for number in range(documents)), encoding="utf-8")
        return [*_csv(lambda: f"org-{documents // 2};Nytt namn\r\n".encode())(workdir), "--update"]

    return write


IMPORT_CASES = {
    "import: a 100 MB CSV line of 50 million cells": _csv(lambda: b"a;" * 50_000_000 + b"\r\n"),
    "import: a 100 MB CSV cell": _csv(lambda: b"a;" + b"x" * 100_000_000 + b"\r\n"),
    "import: a CSV of 100,000 rows of one id": _csv(lambda: b"a;b;c;d;e;f;g\r\n" * 100_000),
    "import: a workbook row of 1,000,000 cells": _wide_workbook_row(1_000_000),
    "import --update: one key in a file of 20,000 organizations": _update_in_a_big_file(20_000),
}


def run_case(name: str, workdir: Path, eacheck: list[str]) -> tuple[float, float, int, str]:
    root = write_base(workdir / "repo")
    environment = {**os.environ, "EACHECK_CACHE_DIR": "off"}
    command = ["validate", str(root)]
    if name in IMPORT_CASES:
        command = ["import", *IMPORT_CASES[name](workdir), str(root), "--dry-run"]
    elif name in CACHE_CASES:
        cache = workdir / "cache"
        CACHE_CASES[name](root, cache, eacheck)
        environment["EACHECK_CACHE_DIR"] = str(cache)
    else:
        generator, size = CASES[name]
        generator(root, size)
    started = time.perf_counter()
    with open(workdir / "out", "wb") as out:
        process = subprocess.Popen([*eacheck, *command, "--lang", "en"], stdout=out,
                                   stderr=subprocess.STDOUT, env=environment)
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    output = (workdir / "out").read_bytes()
    first = next((line for line in output.decode("utf-8", "replace").splitlines() if line.strip()), "")
    cpu = usage.ru_utime + usage.ru_stime
    said = f"{len(output):,} bytes out; {first[:100]}"
    return elapsed, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="run only these cases (by name)")
    arguments = parser.parse_args()
    eacheck = [sys.executable, "-m", "eacheck"]
    # CPU time as well as wall time: on a shared machine the wall time says as much about the
    # neighbours as about eacheck.
    print("| case | wall s | CPU s | peak MB | exit | output |")
    print("|---|---|---|---|---|---|")
    for name in arguments.only or [*CASES, *CACHE_CASES, *IMPORT_CASES]:
        workdir = Path(tempfile.mkdtemp(prefix="eacheck-hostile-"))
        try:
            elapsed, cpu, megabytes, code, said = run_case(name, workdir, eacheck)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        print(f"| {name} | {elapsed:.2f} | {cpu:.2f} | {megabytes:.0f} | {code} | {said} |", flush=True)


if __name__ == "__main__":
    main()
