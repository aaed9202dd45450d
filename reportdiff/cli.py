"""The command line: thin wrappers over the library, one command per library function.

Heavy modules (pandas, the parsers' libraries) are imported inside the commands, so
``reportdiff --help`` stays fast.
"""
from __future__ import annotations

import sys
from typing import Optional

import typer
from typer.core import TyperGroup


class _Commands(TyperGroup):
    """Every command's files are staged and put in place only when it succeeds, so that a
    failed run overwrites nothing (see reportdiff.render.files)."""

    def invoke(self, ctx):
        from .render.files import outputs

        batch = outputs()
        batch.__enter__()
        try:
            result = super().invoke(ctx)
        except BaseException:
            batch.__exit__(*sys.exc_info())
            raise
        _run(batch.__exit__, None, None, None)
        return result


app = typer.Typer(
    cls=_Commands,
    name="reportdiff",
    help="Diff and analyse Chinese government work reports (政府工作报告) year over year.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # plain click help: typer's rich help formatter imports rich.markdown and friends (~70 ms)
    rich_markup_mode=None,
)

_state = {"debug": False, "color": "auto"}
_COLORS = ("auto", "always", "never")


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"reportdiff {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(debug: bool = typer.Option(False, "--debug", help="Show a traceback on errors."),
          color: str = typer.Option("auto", "--color", metavar="auto|always|never",
                                    help="Colours: auto (on a terminal, unless NO_COLOR is set), "
                                         "always, never."),
          version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit."),
          ) -> None:
    if color not in _COLORS:
        _fail(f"--color: {color!r} is not one of auto, always, never")
    _state["debug"] = debug
    _state["color"] = color
    if not debug:  # libraries' warnings and log records would break the one-line promise
        import logging
        import warnings

        warnings.simplefilter("ignore")
        logging.disable(logging.CRITICAL)


def _fail(message: str) -> None:
    typer.echo(f"reportdiff: {message}", err=True)
    raise typer.Exit(2)


def _run(func, *args, **kwargs):
    """Call into the library; bad input becomes one line on stderr and exit status 2."""
    from .errors import InputError

    try:
        return func(*args, **kwargs)
    except InputError as err:
        if _state["debug"]:
            raise
        _fail(str(err))
    except (KeyboardInterrupt, BrokenPipeError):
        raise typer.Exit(130) from None
    except Exception as err:  # a bug, not bad input: still one line unless --debug
        if _state["debug"]:
            raise
        _fail(f"internal error: {type(err).__name__}: {err} (run with --debug for a traceback)")


def _console(no_color: bool = False):
    """A console honouring --color: auto leaves it to rich (a terminal, NO_COLOR, TERM)."""
    from rich.console import Console

    color = "never" if no_color else _state["color"]
    if color == "never":
        return Console(color_system=None, no_color=True, highlight=False, soft_wrap=False)
    if color == "always":
        return Console(force_terminal=True, color_system="truecolor", highlight=False,
                       soft_wrap=False)
    return Console(highlight=False, soft_wrap=False)


def _write(text: str, target: str) -> None:
    if target == "-":
        sys.stdout.write(text + "\n")
        return
    from .render import write_text

    _run(write_text, target, text + "\n")


def _cached_reports(paths, cache: bool, cache_dir: str | None, shas=None) -> list:
    """The reports, parsed or read from the cache with their segmentation, so that comparing
    files seen before pays neither for parsing nor for the tokenizer."""
    from .corpus.tasks import load_report

    root = None
    if cache:
        from .corpus.cache import default_cache_dir

        root = cache_dir or default_cache_dir()
    shas = shas or [None] * len(paths)
    return [_run(load_report, path, sha, cache_root=root) for path, sha in zip(paths, shas)]


def _compared(old: str, new: str, alignments: str | None, force: bool, cache: bool,
              cache_dir: str | None, segmented: bool = False):
    """The Comparison of two files, from the cache when this pair was compared before with the
    same files (by content, at the same paths), alignment file and ``force``: a comparison is
    a function of those alone, and comparing again pays only for printing it. ``segmented``:
    the reports' segmentation is wanted too (word diffs of --html and --section)."""
    key = _pair_key(old, new, alignments, force) if cache else None
    if key is None:
        from .align import compare as run_compare

        reports = _cached_reports((old, new), cache, cache_dir)
        return _run(run_compare, *reports, alignments=alignments, force=force)
    from .corpus.cache import ReportCache, default_cache_dir
    from .model import Comparison

    store = ReportCache(cache_dir or default_cache_dir())
    hit = store.get("comparison", key[0])
    if isinstance(hit, Comparison):
        if segmented:
            from .align.tokens import prime

            for sha in key[1]:
                tables = store.get("tokens", sha)
                if isinstance(tables, dict):
                    prime(tables)
        return hit
    from .align import compare as run_compare

    reports = _cached_reports((old, new), cache, cache_dir, key[1])
    comparison = _run(run_compare, *reports, alignments=alignments, force=force)
    store.put("comparison", key[0], comparison)
    return comparison


def _pair_key(old: str, new: str, alignments: str | None, force: bool):
    """``(key, (sha of old, sha of new))``, or None when a file is not a regular file that
    can be read (stdin, a FIFO, a missing file: compared uncached, which words the error)."""
    import hashlib
    import os

    from .corpus.cache import file_sha256

    parts = []
    try:
        for path in (old, new) + ((alignments,) if alignments else ()):
            if path == "-" or not os.path.isfile(path):
                return None
            parts.append(file_sha256(path))
    except OSError:
        return None
    digest = hashlib.sha256("\0".join([old, new, alignments or "", str(force), *parts]).encode())
    return digest.hexdigest(), tuple(parts[:2])


@app.command()
def parse(
    file: str = typer.Argument(..., help="Report file (.txt/.html/.docx/.pdf) or - for stdin."),
    json: bool = typer.Option(False, "--json", help="Print the report document (JSON)."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours."),
) -> None:
    """Show the section tree of one report (meta, warnings, parts and sections)."""
    from .parse import parse_file

    # the tree and the report document hold no metrics: the number grammar is not paid for
    report = _run(parse_file, file, extract=False)
    if json:
        _write(report.to_json(), "-")
        return
    _console(no_color).print(report)


@app.command()
def metrics(
    file: str = typer.Argument(..., help="Report file (.txt/.html/.docx/.pdf) or - for stdin."),
    json: bool = typer.Option(False, "--json", help="Print the metrics document (JSON)."),
    csv: Optional[str] = typer.Option(None, "--csv", help="Write the metrics as CSV to FILE."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours."),
) -> None:
    """Metrics and targets of one report: every quantity with its unit, kind, qualifier and
    indicator; the targets for the plan year first."""
    from .parse import parse_file

    report = _run(parse_file, file)
    if csv:
        from .render import write_frame

        _run(write_frame, report.metrics.to_frame(), csv)
    if json:
        from .render.jsonout import dumps

        _write(dumps(report.metrics_document()), "-")
        return
    if not csv:
        from .render.terminal import metrics_tables

        _console(no_color).print(metrics_tables(report))


@app.command()
def compare(
    old: str = typer.Argument(..., help="The earlier report (order is fixed by delivery date)."),
    new: str = typer.Argument(..., help="The later report."),
    json: Optional[str] = typer.Option(None, "--json", help="Write the comparison document to FILE, or - for stdout."),
    html: Optional[str] = typer.Option(None, "--html", help="Write a self-contained HTML diff to FILE."),
    csv: Optional[str] = typer.Option(None, "--csv", help="Write ledger, links, changes, priorities, commitments and wording as CSV into DIR."),
    section: Optional[str] = typer.Option(None, "--section", help="Show one section (an old or new section id) beside all of its counterparts, each text once, with a word-level diff."),
    alignments: Optional[str] = typer.Option(None, "--alignments", help="Apply a saved, hand-corrected alignment file."),
    force: bool = typer.Option(False, "--force", help="Grade the targets even when the reports are of different regions, the same report, or not consecutive years."),
    cache_dir: Optional[str] = typer.Option(None, "--cache-dir", help="Where parsed reports are cached (default: the user cache dir)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Read both reports again; keep nothing."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours."),
) -> None:
    """Compare two reports: targets against outcomes, indicator changes, section map,
    priorities."""
    comparison = _compared(old, new, alignments, force, not no_cache, cache_dir,
                           segmented=bool(html or section))
    console = _console(no_color)
    if comparison.swapped:
        typer.echo(f"reportdiff: {old} is the later report; comparing {new} → {old}", err=True)
    if json:
        _write(comparison.to_json(), json)
    if csv:
        from .render.tables import write_csv

        _run(write_csv, comparison, csv)
    if html:
        from .render.html import write_html

        _run(write_html, comparison, html)
        typer.echo(f"reportdiff: wrote {html}", err=True)
    if section:
        from .render.diff_terminal import section_diff

        console.print(_run(section_diff, comparison, section))
        return
    if json == "-":
        return
    console.print(comparison)


@app.command()
def align(
    old: str = typer.Argument(..., help="The earlier report."),
    new: str = typer.Argument(..., help="The later report."),
    save: Optional[str] = typer.Option(None, "--save", help="Write the computed links to FILE (TOML) for editing."),
    alignments: Optional[str] = typer.Option(None, "--alignments", help="Start from a saved alignment file."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours."),
) -> None:
    """Section links between two reports; --save writes them as an editable alignment file
    that `compare --alignments` applies."""
    from .align import compare as run_compare
    from .align.overrides import dumps_alignment

    comparison = _run(run_compare, old, new, alignments=alignments)
    if save:
        titles = {"old": {s.id: s.title for s in comparison.old.walk()},
                  "new": {s.id: s.title for s in comparison.new.walk()}}
        text = dumps_alignment(comparison.links, comparison.old.source.path,
                               comparison.new.source.path, titles)
        _write(text, save)
        typer.echo(f"reportdiff: wrote {save}", err=True)
        return
    from .render.compare_terminal import section_map

    console = _console(no_color)
    for view in ("review_vs_plan", "plan_vs_plan", "review_vs_review"):
        console.print(section_map(comparison, view))


@app.command()
def timeline(
    files: list[str] = typer.Argument(..., help="Two or more reports of one series, any order."),
    json: Optional[str] = typer.Option(None, "--json", help="Write the timeline document to FILE, or - for stdout."),
    html: Optional[str] = typer.Option(None, "--html", help="Write one HTML page per consecutive pair into this folder, with an index."),
    csv: Optional[str] = typer.Option(None, "--csv", help="Write series.csv and ledger.csv into DIR."),
    force: bool = typer.Option(False, "--force", help="Follow reports of different series anyway, and grade pairs across gaps."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Local worker processes (default: the cores)."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Run on a dask.distributed scheduler at ADDRESS, or 'local' for a LocalCluster."),
    cache_dir: Optional[str] = typer.Option(None, "--cache-dir", help="Where parsed reports are cached (default: the user cache dir)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Read every report again; keep nothing."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours."),
) -> None:
    """Follow several reports: each year's targets against the next review, and every known
    indicator across the reviews."""
    from contextlib import ExitStack

    from .align import timeline as run_timeline

    with ExitStack() as stack:
        result = _run(run_timeline, files, force=force, jobs=jobs, dask=dask, cache=not no_cache,
                      cache_dir=cache_dir, progress=_progress_bar(stack))
    if json:
        _write(result.to_json(), json)
    if csv:
        from .render.tables import write_timeline_csv

        _run(write_timeline_csv, result, csv)
    if html:
        from .render.html import write_timeline_html

        index = _run(write_timeline_html, result, html)
        typer.echo(f"reportdiff: wrote {index}", err=True)
    if json == "-":
        return
    _console(no_color).print(result)


def _progress_bar(stack):
    """A rich progress bar on stderr when it is a terminal, else None (nothing when piped)."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    bar = stack.enter_context(Progress(console=Console(stderr=True), transient=True))

    def stage(name: str, total: int):
        task = bar.add_task(name, total=total)
        return lambda: bar.advance(task)

    return stage


@app.command()
def panel(
    paths: list[str] = typer.Argument(..., help="Report files, folders (searched recursively) or globs."),
    json: Optional[str] = typer.Option(None, "--json", help="Write the panel document to FILE, or - for stdout."),
    csv: Optional[str] = typer.Option(None, "--csv", help="Write targets, metrics, series, skipped and duplicates as CSV into DIR."),
    parquet: Optional[str] = typer.Option(None, "--parquet", help="Write the same tables as Parquet files into DIR."),
    series: Optional[str] = typer.Option(None, "--series", help="A TOML file naming series: [regions] and [files] tables."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Local worker processes (default: the cores)."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Run on a dask.distributed scheduler at ADDRESS, or 'local' for a LocalCluster."),
    cache_dir: Optional[str] = typer.Option(None, "--cache-dir", help="Where parsed reports are cached (default: the user cache dir)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Read every report again; keep nothing."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours."),
) -> None:
    """A whole corpus: reports grouped into series by region, each in plan-year order, every
    consecutive pair compared; the panel of targets and outcomes, review metrics and series."""
    from contextlib import ExitStack

    from .corpus import panel as run_panel

    with ExitStack() as stack:
        result = _run(run_panel, paths, series=series, jobs=jobs, dask=dask,
                      cache=not no_cache, cache_dir=cache_dir, progress=_progress_bar(stack))
    if json:
        _write(result.to_json(), json)
    if csv:
        from .render.panel_files import write_panel_csv

        _run(write_panel_csv, result, csv)
    if parquet:
        from .render.panel_files import write_panel_parquet

        _run(write_panel_parquet, result, parquet)
    if result.skipped:
        typer.echo(f"reportdiff: warning: {len(result.skipped)} file(s) skipped, e.g. "
                   f"{result.skipped[0]['path']}: {result.skipped[0]['reason']}", err=True)
    if json == "-":
        return
    _console(no_color).print(result)


@app.command()
def demo(
    out: str = typer.Option("reportdiff-demo.html", "--out", help="Where to write the HTML page."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours."),
) -> None:
    """Compare the last two years of the bundled sample corpus (a fictional district): the
    terminal report, and an HTML page written to reportdiff-demo.html."""
    import os

    from .align import compare as run_compare
    from .render.html import write_html
    from .sample_corpus import sample_files

    files = sample_files()
    old, new = files[-2], files[-1]
    comparison = _run(run_compare, old, new)
    _console(no_color).print(comparison)
    _run(write_html, comparison, out)
    typer.echo(f"\nreportdiff demo: compared {os.path.basename(old)} → {os.path.basename(new)} "
               f"(a fictional district written for reportdiff).\nHTML page: {os.path.abspath(out)}")


def _hoisted(argv: list[str]) -> list[str]:
    """``--color X`` and ``--version`` are accepted after the command too: move them first.

    >>> _hoisted(["compare", "a", "b", "--color", "never"])
    ['--color', 'never', 'compare', 'a', 'b']
    """
    front, rest, k = [], [], 0
    while k < len(argv):
        arg = argv[k]
        if arg == "--":
            rest.extend(argv[k:])
            break
        if arg == "--color" and k + 1 < len(argv):
            front += argv[k:k + 2]
            k += 2
            continue
        if arg.startswith("--color=") or arg == "--version":
            front.append(arg)
        else:
            rest.append(arg)
        k += 1
    return front + rest


def main() -> None:
    try:
        app(args=_hoisted(sys.argv[1:]), prog_name="reportdiff")
    except BrokenPipeError:  # `reportdiff parse x | head`
        sys.stderr.close()
        raise SystemExit(0) from None


if __name__ == "__main__":
    main()
