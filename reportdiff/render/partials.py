"""The page's partial templates (``templates/NAME``), autoescaped, loaded once each."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=8)
def template(name: str):
    """The jinja2 template ``templates/<name>`` (jinja2 imported on first use)."""
    import jinja2

    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    text = resources.files(__package__).joinpath(f"templates/{name}").read_text("utf-8")
    return env.from_string(text)
