"""The bundled sample corpus (corpora/sample in the repository, ``reportdiff.sample`` when
installed): four annual reports of a fictional district, used by `reportdiff demo`."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_files() -> list[str]:
    """Paths of the sample reports, oldest first."""
    repo = Path(__file__).resolve().parent.parent / "corpora" / "sample"
    entries = repo.iterdir() if repo.is_dir() else resources.files("reportdiff.sample").iterdir()
    return sorted(str(p) for p in entries if p.name.startswith("shili-") and p.name.endswith(".txt"))
