"""Bring the Qt Linguist sources up to date with the code: every text of app/gui marked for
translation (``self.tr``, ``QCoreApplication.translate``, ``tr_noop``) and every message of
the catalogue (app/model/catalogue/: ``entry(id, english)``, the id for its context) into
resources/translations/keyferry_<lang>.ts, keeping the translations already made.

    .venv/bin/python scripts/update_translations.py [--check]

New texts arrive unfinished: translate them in Qt Linguist (``.venv/bin/pyside6-linguist``)
or in the XML, then ``packaging/build_translations.py`` compiles them (the setup does it).
``--check`` changes nothing and exits 1 when a source is out of date or has an unfinished
translation (``tests/gui/test_translations.py`` runs the same check). Texts that left the code
are dropped, and no line numbers are kept, so a diff of the .ts shows only texts that changed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "app" / "gui"
CATALOGUE = ROOT / "app" / "model" / "catalogue"
#: lupdate knows QT_TRANSLATE_NOOP(context, text); ours are typed functions of that shape.
ALIASES = "QT_TRANSLATE_NOOP=tr_noop,QT_TRANSLATE_NOOP+=entry"
TRANSLATIONS = ROOT / "resources" / "translations"
#: English holds only the plural forms of texts with %n (lupdate -pluralonly).
LANGUAGES = ("en", "zh_CN")
_EXTRA_COMMENT = re.compile(r"\n *<extracomment>.*?</extracomment>", re.DOTALL)


def lupdate() -> str:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    return (
        str(beside) if beside.exists() else (shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    )


def update(target: Path, language: str) -> None:
    """Run lupdate over app/gui and the catalogue into ``target`` (created when missing)."""
    files = sorted(
        str(p.relative_to(ROOT)) for p in [*SOURCES.rglob("*.py"), *CATALOGUE.glob("*.py")]
    )
    subprocess.run(
        [
            lupdate(),
            *files,
            "-ts",
            str(target),
            "-tr-function-alias",
            ALIASES,
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            language,
            "-silent",
            *(["-pluralonly"] if language == "en" else []),
        ],
        cwd=ROOT,
        check=True,
    )
    # lupdate takes any "#:" comment near a text for a note to the translator; here those
    # are attribute docs of the code ("the PNG sizes in resources/icons"), which mislead.
    text = target.read_text(encoding="utf-8")
    target.write_text(_EXTRA_COMMENT.sub("", text), encoding="utf-8")


def unfinished(ts: Path) -> list[str]:
    """The sources of messages without a finished translation."""
    found = []
    for message in ET.parse(ts).getroot().iter("message"):  # noqa: S314 - our own file
        translation = message.find("translation")
        forms = (
            []
            if translation is None
            else ([f.text for f in translation.findall("numerusform")] or [translation.text])
        )
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not all(forms)
        ):
            found.append(message.findtext("source") or "")
    return found


def check(language: str) -> list[str]:
    """Problems of one language's source: out of date with the code, or unfinished."""
    current = TRANSLATIONS / f"keyferry_{language}.ts"
    if not current.exists():
        return [f"{current.name} is missing"]
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / current.name
        shutil.copy(current, fresh)
        update(fresh, language)
        problems = [f"{current.name}: not translated: {source!r}" for source in unfinished(fresh)]
        if not problems and fresh.read_bytes() != current.read_bytes():
            problems.append(f"{current.name} is out of date: run scripts/update_translations.py")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    args = parser.parse_args(argv)
    problems = []
    for language in LANGUAGES:
        if args.check:
            problems += check(language)
        else:
            target = TRANSLATIONS / f"keyferry_{language}.ts"
            TRANSLATIONS.mkdir(parents=True, exist_ok=True)
            update(target, language)
            problems += [f"{target.name}: to translate: {s!r}" for s in unfinished(target)]
    for problem in problems:
        print(problem)
    return 1 if problems and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
