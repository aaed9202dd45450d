"""The members of a panel: which files, which series each belongs to, and which copy of a
year is kept.

>>> series_names([("海拉尔区", "district"), ("呼伦贝尔市海拉尔区", "district"), ("鼓楼区", "district"),
...               ("南京市鼓楼区", "district"), ("福州市鼓楼区", "district")])["海拉尔区"]
'呼伦贝尔市海拉尔区'
>>> series_names([("鼓楼区", "district"), ("南京市鼓楼区", "district"), ("福州市鼓楼区", "district")])["鼓楼区"]
'鼓楼区'
"""
from __future__ import annotations

import fnmatch
import glob
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .. import lexicon
from ..errors import InputError
from .tasks import Member

__all__ = ["expand", "load_series_file", "series_names", "Duplicate", "arrange"]


def expand(paths) -> tuple[list[str], list[tuple[str, str]]]:
    """Files of ``paths`` (files, folders searched recursively for report formats, globs),
    sorted and without repeats; and ``(path, reason)`` for paths that name nothing."""
    suffixes = tuple(lexicon.load("series")["report_suffixes"])
    found: dict[str, str] = {}
    missing = []

    def add(path: str) -> None:
        found.setdefault(os.path.realpath(path), path)

    for raw in paths:
        raw = os.fspath(raw)
        if os.path.isdir(raw):
            for path in sorted(Path(raw).rglob("*")):
                rel = path.relative_to(raw).parts
                if path.is_file() and path.suffix.lower() in suffixes \
                        and not any(p.startswith(".") for p in rel):
                    add(str(path))
        elif os.path.isfile(raw):
            add(raw)
        elif os.path.exists(raw):  # a FIFO or a device: hashing it could block or never end
            missing.append((raw, "not a regular file"))
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                missing.append((raw, "matches no file"))
            for match in matches:
                if os.path.isdir(match):
                    found_before = len(found)
                    sub, _ = expand([match])
                    for path in sub:
                        add(path)
                    if len(found) == found_before:
                        missing.append((match, "a folder with no report files"))
                else:
                    add(match)
        else:
            missing.append((raw, "no such file or folder"))
    return sorted(found.values()), missing


@dataclass(frozen=True)
class SeriesFile:
    """A ``--series`` TOML file: ``[regions]`` maps a region name as reports write it to a
    series name; ``[files]`` maps a glob (on the path or the file name) to a series name, for
    reports whose region is missing or odd. Files win over regions."""

    regions: dict
    files: dict

    def for_file(self, path: str) -> str | None:
        name = os.path.basename(path)
        posix = Path(path).as_posix()
        for pattern, series in self.files.items():
            if fnmatch.fnmatchcase(posix, pattern) or fnmatch.fnmatchcase(name, pattern) \
                    or fnmatch.fnmatchcase(posix, f"*/{pattern}"):
                return series
        return None


def load_series_file(path: str | None) -> SeriesFile:
    if path is None:
        return SeriesFile({}, {})
    try:
        with open(path, "rb") as fh:
            table = lexicon.tomllib.load(fh)
    except OSError as err:
        raise InputError(path, f"cannot read ({err.strerror or err})") from None
    except lexicon.tomllib.TOMLDecodeError as err:
        raise InputError(path, f"not valid TOML ({err})") from None
    regions, files = table.get("regions", {}), table.get("files", {})
    unknown = set(table) - {"regions", "files"}
    if unknown or not all(isinstance(v, str) for v in [*regions.values(), *files.values()]):
        raise InputError(path, "a series file has [regions] and [files] tables of "
                               "name = \"series\" lines")
    return SeriesFile(dict(regions), dict(files))


def series_names(regions: list[tuple[str, str | None]]) -> dict[str, str]:
    """Region name → series name: a name without its parent units joins the one fuller name
    of the same level that ends with it."""
    parents = tuple(lexicon.load("series")["parent_suffixes"])
    names = sorted({r for r, _ in regions})
    level = dict(regions)
    out = {}
    for name in names:
        fuller = [other for other in names if other != name and other.endswith(name)
                  and level.get(other) == level.get(name)
                  and other[:-len(name)].endswith(parents)]
        out[name] = fuller[0] if len(fuller) == 1 else name
    # a chain (鼓楼区 → 福州市鼓楼区 → 福建省福州市鼓楼区) ends at the fullest name
    for name in out:
        while out[out[name]] != out[name]:
            out[name] = out[out[name]]
    return out


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Two files for one series and plan year: ``same_text`` when they state the same figures
    (two copies of one report), else two different reports claim the year."""

    series: str
    plan_year: int
    kept: str
    dropped: str
    same_text: bool
    reason: str

    def to_dict(self) -> dict:
        return {"series": self.series, "plan_year": self.plan_year, "kept": self.kept,
                "dropped": self.dropped, "same_text": self.same_text, "reason": self.reason}


def _why_better(a: Member, b: Member) -> str:
    labels = ("complete (not truncated)", "has numbered parts", "targets", "sections",
              "review figures", "fewer notices")
    for label, x, y in zip(labels, a.quality, b.quality):
        if x != y:
            if isinstance(x, bool):
                return label
            if label == "fewer notices":
                return f"{-x} notices against {-y}"
            return f"{x} {label} against {y}"
    return "as good: the first by path"


def _same_text(a: Member, b: Member) -> bool:
    union = a.surfaces | b.surfaces
    return bool(union) and len(a.surfaces & b.surfaces) / len(union) >= 0.5


def arrange(members: list[Member], series_of: dict[str, str]
            ) -> tuple[dict[str, list[Member]], list[Duplicate]]:
    """Series name → its members in plan-year order, one per year (the better copy), and the
    copies left out."""
    by_year: dict[str, dict[int, list[Member]]] = defaultdict(lambda: defaultdict(list))
    for m in members:
        by_year[series_of[m.path]][m.meta.plan_year].append(m)
    series, duplicates = {}, []
    for name in sorted(by_year):
        kept = []
        for year in sorted(by_year[name]):
            copies = sorted(by_year[name][year], key=lambda m: m.path)
            best = max(copies, key=lambda m: m.quality)  # max keeps the first of equals
            kept.append(best)
            for other in copies:
                if other is not best:
                    duplicates.append(Duplicate(name, year, best.path, other.path,
                                                _same_text(best, other), _why_better(best, other)))
        series[name] = kept
    return series, duplicates


def level_of(members: list[Member]) -> str | None:
    levels = Counter(m.meta.level for m in members if m.meta.level)
    return levels.most_common(1)[0][0] if levels else None
