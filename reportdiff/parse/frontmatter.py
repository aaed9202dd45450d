"""Front matter: title, delivery line, speaker — the ``meta`` of a report.

The delivery line may wrap (even mid-word) over several lines, so it is searched in the
front lines joined together; a news dateline has no ``在…人民代表大会`` and never matches.

>>> lines = ["政 府 工 作 报 告", "——2019年3月4日在呼伦贝尔市海拉尔区第十五", "届人民代表大会第三次会议上",
...          "呼伦贝尔市海拉尔区人民政府代区长 萨国文"]
>>> fm = read_front_matter(lines)
>>> fm.delivered, fm.region, fm.session, fm.speaker, fm.speaker_title, fm.level
('2019-03-04', '呼伦贝尔市海拉尔区', '第十五届人民代表大会第三次会议', '萨国文', '代区长', 'district')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from ..cnnum import cn_to_int

_NAME = r"[\u4e00-\u9fff·•]{1,2}(?: ?[\u4e00-\u9fff·•]){1,6}"


@dataclass
class FrontMatter:
    title: str | None = None
    region: str | None = None
    level: str | None = None
    delivered: str | None = None
    session: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    used: set[int] = field(default_factory=set)  # indexes of the lines that were front matter


@lru_cache(maxsize=1)
def _patterns():
    table = lexicon.load("frontmatter")
    offices = sorted(table["offices"], key=lambda o: -len(o["text"]))
    office_re = "|".join(re.escape(o["text"]) for o in offices)
    speaker = re.compile(rf"(?P<office>{office_re})\s*[:：]?\s*(?P<name>{_NAME})\s*$")
    caption = re.compile(table["caption_speaker"].replace("{office}", office_re))
    office_as = {o["text"]: o["as"] for o in offices}
    office_level = {o["as"]: o["level"] for o in offices}
    forms = tuple(re.compile(f.replace("{date}", table["delivery_date"])
                             .replace("{session}", table["delivery_session"]))
                  for f in table["delivery"])
    return (forms, speaker, office_as, table["levels"], re.compile(table["salutation"]),
            caption, office_level)


def read_front_matter(lines: list[str], captions: list[str] = ()) -> FrontMatter:
    """Meta fields from the lines before the first part (or the first ~40 lines);
    ``captions`` are lines ingest removed as clutter, read only for a speaker that no
    speaker line names."""
    delivery, speaker_re, office_as, levels, salutation, caption, office_level = _patterns()
    fm = FrontMatter()
    head = lines[:40]
    for i, line in enumerate(head):
        if "政府工作报告" in line and len(line) <= 40:
            # the report's own title and any site title naming it are front matter
            fm.title = "政府工作报告"
            fm.used.add(i)
        elif line.find("政府工作报告") in range(0, 8):
            fm.title = "政府工作报告"  # 政府工作报告——2016年3月5日在…: title and delivery line in one
        if salutation.match(line):
            break
    _read_delivery(fm, head, delivery)
    for i, line in enumerate(head):
        if salutation.match(line):
            break
        m = speaker_re.search(line)
        if not m and i + 1 < len(head) and len(head[i + 1].strip()) <= 8:
            # the office ends one line and the name stands alone on the next
            joined = f"{line} {head[i + 1].strip()}"
            m = speaker_re.search(joined)
            if m and m.start("name") > len(line):
                line = joined
                fm.used.add(i + 1)
            else:
                m = None
        if m and len(line) <= 80:
            fm.speaker = m.group("name").replace(" ", "")
            fm.speaker_title = office_as[m.group("office")]
            fm.used.add(i)
            prefix = line[:m.start()]
            if not fm.region and "人民政府" in prefix:
                fm.region = _region_from(prefix.split("人民政府")[0])
            break
    if not fm.speaker:
        _read_caption_speaker(fm, [*captions, *head], caption, office_as, salutation)
    if not fm.region and any(re.search(m, line) for line in head
                             for m in lexicon.load("frontmatter")["national_markers"]):
        fm.region = "全国"
    fm.level = _level(fm.region, levels) or office_level.get(fm.speaker_title or "")
    return fm


def _read_caption_speaker(fm: FrontMatter, head: list[str], caption: re.Pattern[str],
                          office_as: dict[str, str], salutation: re.Pattern[str]) -> None:
    """The speaker of a copy with no speaker line, from a caption or lead that says who
    delivered the report (省长刘向东作政府工作报告); the line stays in the text."""
    for line in head:
        if salutation.match(line):
            return
        m = caption.search(line.replace(" ", "").replace("\u3000", ""))
        if m:
            fm.speaker, fm.speaker_title = m.group("name"), office_as[m.group("office")]
            return


def _read_delivery(fm: FrontMatter, head: list[str],
                   forms: tuple[re.Pattern[str], ...]) -> None:
    # join a few lines from each line that may open the delivery line and search there: the
    # line may wrap mid-word, and the date may stand on the next line
    for start, line in enumerate(head):
        if not ("年" in line and "日" in line) and "届" not in line:
            continue
        joined, owners = "", []
        for j in range(start, min(start + 4, len(head))):
            owners.append((len(joined), j))
            joined += head[j].replace(" ", "")
        for form in forms:
            m = form.search(joined)
            if m and m.start() <= len(head[start].replace(" ", "")):
                break
        else:
            continue
        fm.delivered = _iso_date(m.group("date")) if m.group("date") else None
        fm.session = m.group("session")
        region = m.group("region").strip("—－-― ")
        fm.region = "全国" if m.group("national") else (_region_from(region) or None)
        fm.used.update(j for pos, j in owners if pos < m.end())
        return


def _region_from(text: str) -> str:
    text = re.sub(r"^[（(][^）)]*[）)]", "", text).strip(" ——-：:")
    return text


def _iso_date(text: str) -> str | None:
    m = re.match(r"(.+?)年(.+?)月(.+?)日", text)
    if not m:
        return None
    try:
        year, month, day = (cn_to_int(g) for g in m.groups())
    except ValueError:
        return None
    if not (1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _level(region: str | None, levels: list[dict]) -> str | None:
    if not region:
        return None
    for row in levels:
        if region.endswith(row["suffix"]):
            return row["level"]
    return None
