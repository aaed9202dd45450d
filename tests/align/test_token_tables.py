"""A report's segmentation travels with it: primed from a report's token tables, a comparison
segments nothing and gives the same document."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "sample"


def test_primed_tables_make_the_comparison_segment_nothing_in_a_new_process(tmp_path):
    code = f"""
import pickle, sys
from reportdiff.parse import parse_file
from reportdiff.align import compare, token_tables
from reportdiff.align import tokens
old, new = parse_file({str(SAMPLE / 'shili-2023.txt')!r}), parse_file({str(SAMPLE / 'shili-2024.txt')!r})
if sys.argv[1] == 'store':
    pickle.dump((old, new, token_tables(old), token_tables(new), compare(old, new).to_json()),
                open({str(tmp_path / 'entry.pickle')!r}, 'wb'))
else:
    old, new, a, b, before = pickle.load(open({str(tmp_path / 'entry.pickle')!r}, 'rb'))
    tokens.prime(a), tokens.prime(b)
    assert compare(old, new).to_json() == before
    print('ENGINE', 'rjieba' in sys.modules)
"""
    subprocess.run([sys.executable, "-c", code, "store"], check=True)
    out = subprocess.run([sys.executable, "-c", code, "load"], capture_output=True, text=True, check=True)
    assert "ENGINE False" in out.stdout


def test_a_text_is_segmented_once_per_process(monkeypatch):
    from reportdiff.align import tokens

    tokens.clear()
    calls = []
    engine = tokens._engine()

    class Counting:
        def cut(self, text):
            calls.append(text)
            return engine.cut(text)

    monkeypatch.setattr(tokens, "_engine", lambda: Counting())
    text = "加快发展新质生产力，推动人工智能大模型产业发展"
    assert tokens.tokens(text) == tokens.tokens(text)
    assert tokens.content_tokens(text) and calls == [text]
