"""Alignment files: computed links saved for editing, and a user's corrections applied.

An alignment file is TOML. Each view (``review_vs_plan``, ``plan_vs_plan``,
``review_vs_review``) is an array of tables with ``old``, ``new`` (section ids; ``""`` for
none) and ``relation``. Rows the user keeps are pinned: the aligner keeps them and aligns only
the other sections. A row with ``forbid = true`` forbids linking its two sections. The gold
alignments under ``alignments/gold/`` use the same format.

>>> text = '[[review_vs_plan]]\\nold = "2.1"\\nnew = "1.3"\\nrelation = "renamed"\\n'
>>> pins, forbidden = read_overrides(text.encode(), "x.toml")["review_vs_plan"]
>>> [(p.old, p.new, p.relation, p.source) for p in pins], forbidden
([('2.1', '1.3', 'renamed', 'alignments')], set())
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from ..lexicon import tomllib
from ..model import VIEWS, SectionLink

RELATIONS = ("match", "renamed", "split", "merge", "new", "dropped")


def read_overrides(data: bytes, where: str) -> dict[str, tuple[list[SectionLink], set]]:
    """Pinned links and forbidden pairs per view, from an alignment file's bytes."""
    try:
        table = tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise InputError(where, f"is not a valid alignment file (TOML): {err}") from None
    out = {}
    for view in VIEWS:
        pins, forbidden = [], set()
        for k, row in enumerate(table.get(view, []), 1):
            old, new = row.get("old") or None, row.get("new") or None
            if row.get("forbid"):
                if not (old and new):
                    raise InputError(where, f"{view} row {k}: forbid needs both old and new")
                forbidden.add((old, new))
                continue
            relation = row.get("relation")
            if relation not in RELATIONS:
                raise InputError(where, f"{view} row {k}: relation must be one of "
                                        f"{', '.join(RELATIONS)}, not {relation!r}")
            if (relation == "new") != (old is None) or (relation == "dropped") != (new is None):
                raise InputError(where, f"{view} row {k}: {relation} row with old={old!r} "
                                        f"new={new!r}")
            pins.append(SectionLink(old, new, relation, row.get("score"), "alignments"))
        out[view] = (pins, forbidden)
    return out


def load_overrides(path: str) -> dict[str, tuple[list[SectionLink], set]]:
    file = Path(path)
    if not file.is_file():
        raise InputError(path, "no such alignment file")
    return read_overrides(file.read_bytes(), path)


def dumps_alignment(links: dict[str, list[SectionLink]], old_path: str, new_path: str,
                    titles: dict[str, dict[str, str]]) -> str:
    """An editable alignment file of the computed links, with headings as comments."""
    q = lambda s: json.dumps(s or "", ensure_ascii=False)  # noqa: E731  (a TOML basic string)
    lines = ["# reportdiff alignment file. Edit, then apply with",
             "#   reportdiff compare OLD NEW --alignments THIS_FILE",
             "# Rows you keep are pinned; delete rows to let reportdiff decide; add",
             '# `forbid = true` to a row to forbid that link. relation: match, renamed, split,',
             "# merge, new (old empty), dropped (new empty).",
             f"old = {q(old_path)}", f"new = {q(new_path)}", ""]
    for view in VIEWS:
        for link in links[view]:
            lines.append(f"[[{view}]]")
            lines.append(f"old = {q(link.old)}")
            lines.append(f"new = {q(link.new)}")
            lines.append(f"relation = {q(link.relation)}")
            if link.score is not None:
                lines.append(f"score = {link.score}")
            heads = " → ".join(titles["old"].get(link.old, "—") if side == "old"
                               else titles["new"].get(link.new, "—") for side in ("old", "new"))
            lines.append(f"# {heads}")
            lines.append("")
    return "\n".join(lines)
