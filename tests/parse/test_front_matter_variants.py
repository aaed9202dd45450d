"""Front matter variants of the genre (issue 8 item 5), on short invented front matters."""
from __future__ import annotations

import pytest

from reportdiff.parse.frontmatter import read_front_matter

CASES = [
    # (lines, captions, expected (delivered, region, level, session, speaker, speaker_title))
    (["政府工作报告", "——2025年1月20日在北原自治区第十四届人民代表大会第三次会议上",
      "自治区人民政府主席　巴图", "各位代表："], [],
     ("2025-01-20", "北原自治区", "provincial", "第十四届人民代表大会第三次会议", "巴图", "主席")),
    (["政府工作报告", "——2024年2月1日在云江市十六届人民代表大会四次会议上", "市长　陈启明", "各位代表："], [],
     ("2024-02-01", "云江市", "municipal", "十六届人民代表大会四次会议", "陈启明", "市长")),
    (["政府工作报告", "——第十二届全国人大二次会议，2014年3月5日", "国务院总理　王某", "各位代表："], [],
     ("2014-03-05", "全国", "national", "第十二届全国人大二次会议", "王某", "总理")),
    (["在南岭省第十四届人民代表大会第三次会议上的政府工作报告", "（2025年1月16日）", "省长　刘向东",
      "各位代表："], [],
     ("2025-01-16", "南岭省", "provincial", "第十四届人民代表大会第三次会议", "刘向东", "省长")),
    (["南岭省政府工作报告", "——2025年1月16日在南岭省十四届人大三次会议上", "各位代表："],
     ["1月16日，南岭省十四届人大三次会议开幕。省长刘向东作政府工作报告。（记者　何平　摄）"],
     ("2025-01-16", "南岭省", "provincial", "十四届人大三次会议", "刘向东", "省长")),
    (["政府工作报告", "——在青川省第十四届人民代表大会第三次会议上", "青川省人民政府代省长", "林远航",
      "各位代表："], [],
     (None, "青川省", "provincial", "第十四届人民代表大会第三次会议", "林远航", "代省长")),
]


@pytest.mark.parametrize("lines,captions,expected", CASES)
def test_front_matter_variant(lines, captions, expected):
    fm = read_front_matter(lines, captions=captions)
    assert (fm.delivered, fm.region, fm.level, fm.session, fm.speaker, fm.speaker_title) == expected


def test_a_caption_is_not_read_when_a_speaker_line_names_the_speaker():
    fm = read_front_matter(["政府工作报告", "省长　林远航", "各位代表："],
                           captions=["省长张三作政府工作报告。（记者　李四　摄）"])
    assert fm.speaker == "林远航"


def test_level_comes_from_the_office_when_no_region_is_named():
    fm = read_front_matter(["政府工作报告", "县长　杨晓峰", "各位代表："])
    assert (fm.region, fm.level) == (None, "county")
