"""The console's pages as HTML: trend chart (inline SVG), claim browser, claim page with review, statements.

Everything is rendered on the server and shipped with the project: no script, style or font from
a CDN, so the console works on a machine without internet. Every value from the database is
escaped.
"""

from __future__ import annotations

import html
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any, Iterable
from urllib.parse import urlencode

from pipeline.alerts import AGREEMENT_LABELS, BREACH_LABELS
from pipeline.console import VERDICTS, Filters
from pipeline.store.reads import PAGE_SIZE

BASE = "/monitor"
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]
VERDICT_LABELS = {"confirmed": "confirmed as reported", "not_a_claim": "wrong: not a claim",
                  "wrong_accuser": "wrong accuser", "wrong_accused": "wrong accused",
                  "wrong_agreement": "wrong agreement"}
STYLE = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1d2433;background:#f6f7f9}
header{background:#1d2433;color:#fff;padding:10px 20px;display:flex;gap:24px;align-items:baseline}
header a{color:#cfd8e6;text-decoration:none}header a.on{color:#fff;font-weight:600}header h1{font-size:18px;margin:0}
main{padding:16px 20px;max-width:1400px}section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:12px 16px;margin-bottom:16px}
h2{font-size:16px;margin:0 0 10px}table{border-collapse:collapse;width:100%;font-size:13px}
th{text-align:left;color:#5a6478;font-weight:600;border-bottom:2px solid #dde1e7;padding:4px 8px;white-space:nowrap}
td{border-bottom:1px solid #eef0f3;padding:4px 8px;vertical-align:top}tr:hover td{background:#fafbfc}
.muted{color:#6b7385}.bad{color:#b42318;font-weight:600}.ok{color:#067647}.warn{color:#b54708}
form.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;font-size:13px}
form.filters label{display:flex;flex-direction:column;gap:2px}select,input,textarea{font:inherit;padding:3px 5px}
.evidence{background:#fff8e1;padding:1px 2px}.pager{margin-top:8px;font-size:13px}.pager a{margin-right:10px}
.note{font-size:12px;color:#6b7385}.legend span{display:inline-block;margin-right:14px;font-size:12px}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
blockquote{margin:6px 0;padding:6px 10px;border-left:3px solid #dde1e7;background:#fafbfc}
"""
NOTE = "Claims are what was said, as reported, with the sentence it came from; never a finding that a violation happened."


def esc(value: Any) -> str:
    """A value as escaped text; timestamps to the minute, in UTC."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return html.escape(value.strftime("%Y-%m-%d %H:%M"))
    return html.escape(str(value))


def agreement_name(agreement: str | None) -> str:
    return AGREEMENT_LABELS.get(agreement or "", agreement or "none named")


def breach_name(breach: str) -> str:
    return BREACH_LABELS.get(breach, breach)


def layout(title: str, active: str, body: str) -> str:
    """A console page: navigation, the claims note, the body."""
    nav = "".join(f'<a href="{BASE}{href}" class="{"on" if key == active else ""}">{label}</a>'
                  for key, href, label in (("overview", "/", "Overview"), ("claims", "/claims", "Claims"),
                                           ("statements", "/statements", "Statements"), ("operations", "/operations", "Operations")))
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{esc(title)} · Ceasefire monitor</title>"
            f"<meta name='viewport' content='width=device-width'><style>{STYLE}</style></head><body>"
            f"<header><h1>Ceasefire monitor</h1>{nav}</header><main><p class='note'>{NOTE}</p>{body}</main></body></html>")


def link(path: str, params: dict[str, Any] | None = None) -> str:
    query = urlencode({k: v for k, v in (params or {}).items() if v not in (None, "")})
    return html.escape(f"{BASE}{path}" + (f"?{query}" if query else ""), quote=True)


def claim_link(claim_id: int, suffix: str = "") -> str:
    return link(f"/claims/{int(claim_id)}{suffix}")


def _options(choices: Iterable[tuple[str, str]], selected: str | None, blank: str) -> str:
    items = [f'<option value="">{esc(blank)}</option>']
    items += [f'<option value="{esc(value)}"{" selected" if value == selected else ""}>{esc(label)}</option>'
              for value, label in choices]
    return "".join(items)


def filters_form(filters: Filters, facets: dict[str, list[tuple[str, str]]], action: str, search: bool = True) -> str:
    """The filter bar (GET form) shared by the chart and the claim browser."""
    fields = [
        f"<label>Accuser<select name='accuser'>{_options(facets['actors'], filters.accuser, 'any')}</select></label>",
        f"<label>Accused<select name='accused'>{_options(facets['actors'], filters.accused, 'any')}</select></label>",
        f"<label>Agreement<select name='agreement'>{_options(facets['agreements'], filters.agreement, 'any')}</select></label>",
        f"<label>Breach<select name='breach_type'>{_options(facets['breach_types'], filters.breach_type, 'any')}</select></label>",
        f"<label>Mode<select name='mode'>{_options(facets['modes'], filters.mode, 'claim or counter')}</select></label>",
        f"<label>Outlet<select name='outlet'>{_options(facets['outlets'], filters.outlet, 'any')}</select></label>",
        f"<label>From<input type='date' name='since' value='{esc(filters.since)}'></label>",
        f"<label>To<input type='date' name='until' value='{esc(filters.until)}'></label>",
    ]
    if search:
        fields.append(f"<label>Evidence or speaker<input name='q' value='{esc(filters.q)}' placeholder='words'></label>")
    fields.append(f"<label><span><input type='checkbox' name='include_wrong' value='1'"
                  f"{' checked' if filters.include_wrong else ''}> include claims marked wrong</span></label>")
    fields.append("<button type='submit'>Apply</button>")
    return f"<form class='filters' method='get' action='{esc(BASE + action)}'>{''.join(fields)}</form>"


def trend_chart(rows: list[dict[str, Any]], names: dict[str, str] | None = None, width: int = 1100, height: int = 260,
                series_max: int = 8) -> str:
    """Weekly claims, stacked by accuser -> accused (the busiest pairs, the rest as 'others'), as inline SVG."""
    names = names or {}
    if not rows:
        return "<p class='muted'>No claims match these filters yet.</p>"
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        totals[(row["accuser"], row["accused"])] += row["claims"]
    top = [pair for pair, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:series_max]]
    weeks_seen = sorted({row["week"] for row in rows})
    weeks = [weeks_seen[0] + timedelta(weeks=i) for i in range((weeks_seen[-1] - weeks_seen[0]).days // 7 + 1)]
    stacks: dict[date, dict[str, int]] = {week: defaultdict(int) for week in weeks}
    for row in rows:
        pair = (row["accuser"], row["accused"])
        key = f"{names.get(pair[0], pair[0])} → {names.get(pair[1], pair[1])}" if pair in top else "others"
        stacks[row["week"]][key] += row["claims"]
    keys = [f"{names.get(a, a)} → {names.get(b, b)}" for a, b in top] + (["others"] if len(totals) > len(top) else [])
    colors = {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(keys)}
    peak = max(sum(stack.values()) for stack in stacks.values()) or 1
    left, bottom, top_pad = 36, 28, 8
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    bar_w = max(2.0, plot_w / len(weeks) * 0.8)
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' width='100%' role='img' "
             f"aria-label='Claims per week by accuser and accused'>"]
    for tick in sorted({0, peak // 2, peak}):
        y = top_pad + plot_h - tick / peak * plot_h
        parts.append(f"<line x1='{left}' x2='{width - 8}' y1='{y:.1f}' y2='{y:.1f}' stroke='#eef0f3'/>"
                     f"<text x='{left - 6}' y='{y + 4:.1f}' font-size='11' text-anchor='end' fill='#6b7385'>{tick}</text>")
    label_every = max(1, len(weeks) // 12)
    for i, week in enumerate(weeks):
        x = left + i * plot_w / len(weeks)
        y = top_pad + plot_h
        for key in keys:
            count = stacks[week].get(key, 0)
            if count:
                h = count / peak * plot_h
                y -= h
                parts.append(f"<rect x='{x:.1f}' y='{y:.1f}' width='{bar_w:.1f}' height='{h:.1f}' fill='{colors[key]}'>"
                             f"<title>week of {week.isoformat()}: {esc(key)}: {count}</title></rect>")
        if i % label_every == 0:
            parts.append(f"<text x='{x:.1f}' y='{height - 10}' font-size='11' fill='#6b7385'>{week.isoformat()}</text>")
    parts.append("</svg>")
    legend = "".join(f"<span><i style='background:{colors[key]}'></i>{esc(key)}</span>" for key in keys)
    return "".join(parts) + f"<div class='legend'>{legend}</div>"


def claims_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "<p class='muted'>No claims match these filters.</p>"
    head = "<tr><th>First seen</th><th>Accuser</th><th>Accused</th><th>Agreement</th><th>Alleged breach</th>" \
           "<th>Reports</th><th>Speaker</th><th>Evidence</th><th>Review</th></tr>"
    body = "".join(
        f"<tr><td><a href='{claim_link(r['claim'])}'>{esc(r['first_seen'])}</a></td>"
        f"<td>{esc(r['accuser_name'])}</td><td>{esc(r['accused_name'])}</td><td>{esc(agreement_name(r['agreement']))}</td>"
        f"<td>{esc(breach_name(r['breach_type']))}</td><td>{r['reports']} ({r['outlets']} outlet{'s' if r['outlets'] != 1 else ''})</td>"
        f"<td>{esc(r['speaker'])}</td><td>{esc(r['evidence'])}</td>"
        f"<td class='{'bad' if r['verdict'] and r['verdict'] != 'confirmed' else 'ok'}'>{esc(VERDICT_LABELS.get(r['verdict'] or '', ''))}</td></tr>"
        for r in rows)
    return f"<table>{head}{body}</table>"


def pager(path: str, params: dict[str, str], page: int, total: int, page_size: int = PAGE_SIZE) -> str:
    pages = max(1, -(-total // page_size))
    out = [f"<span class='muted'>{total} in all · page {page} of {pages}</span> "]
    if page > 1:
        out.append(f"<a href='{link(path, {**params, 'page': page - 1})}'>‹ newer</a>")
    if page < pages:
        out.append(f"<a href='{link(path, {**params, 'page': page + 1})}'>older ›</a>")
    return f"<div class='pager'>{''.join(out)}</div>"


def exports(what: str, params: dict[str, str]) -> str:
    return " ".join(f"<a href='{link('/export/' + what + '.' + fmt, params)}'>{fmt.upper()}</a>" for fmt in ("csv", "json"))


def overview_page(trend_rows, latest, facets, filters: Filters, operations: dict[str, list[dict[str, Any]]]) -> str:
    failing = [f for f in operations.get("feeds", []) if f["health"] != "ok"]
    health = (f"<p class='bad'>{len(failing)} feed(s) failing or disabled:</p><table><tr><th>Feed</th><th>Health</th>"
              f"<th>Failures in a row</th><th>Last error</th></tr>"
              + "".join(f"<tr><td>{esc(f['name'])}</td><td>{esc(f['health'])}</td><td>{esc(f['consecutive_failures'])}</td>"
                        f"<td>{esc(f['last_error'])}</td></tr>" for f in failing) + "</table>"
              if failing else "<p class='ok'>All feeds healthy.</p>")
    params = filters.params()
    body = (f"<section><h2>Claims per week, by accuser → accused</h2>{filters_form(filters, facets, '/', search=False)}"
            f"{trend_chart(trend_rows, dict(facets['actors']))}<p class='note'>Export the trend: {exports('trends', params)}</p></section>"
            f"<section><h2>Latest claims</h2>{claims_table(latest)}"
            f"<p><a href='{link('/claims', params)}'>All claims, with search and filters ›</a></p></section>"
            f"<section><h2>Operations</h2>{health}{runs_table(operations.get('runs', [])[:5])}</section>")
    return layout("Overview", "overview", body)


def claims_page(rows, total, page, facets, filters: Filters) -> str:
    params = filters.params()
    body = (f"<section><h2>Claims</h2>{filters_form(filters, facets, '/claims')}"
            f"<p class='note'>Export these claims: {exports('claims', params)}</p>{claims_table(rows)}"
            f"{pager('/claims', params, page, total)}</section>")
    return layout("Claims", "claims", body)


def claim_page(claim: dict[str, Any], csrf: str) -> str:
    reports = "".join(
        f"<tr><td>{esc(r['published'])}</td><td>{esc(r['outlet'])}</td><td>{esc(r['mode'])}</td><td>{esc(r['speaker'])}</td>"
        f"<td><blockquote>{esc(r['paragraph'][0])}<mark class='evidence'>{esc(r['paragraph'][1])}</mark>"
        f"{esc(r['paragraph'][2])}</blockquote><a href='{esc(r['url'])}' rel='noopener noreferrer'>{esc(r['title'] or r['url'])}</a></td></tr>"
        for r in claim["report_rows"])
    reviews = "".join(f"<tr><td>{esc(r['reviewed_at'])}</td><td>{esc(VERDICT_LABELS[r['verdict']])}</td>"
                      f"<td>{esc(r['reviewer'])}</td><td>{esc(r['note'])}</td></tr>" for r in claim["reviews"])
    verdicts = "".join(f"<label><input type='radio' name='verdict' value='{v}'{' checked' if v == 'confirmed' else ''}> "
                       f"{esc(VERDICT_LABELS[v])}</label> " for v in VERDICTS)
    form = (f"<form method='post' action='{claim_link(claim['claim'], '/review')}'>"
            f"<input type='hidden' name='csrf' value='{esc(csrf)}'>{verdicts}<br>"
            f"<textarea name='note' rows='2' cols='80' placeholder='note (why)'></textarea><br><button type='submit'>Record review</button></form>")
    body = (f"<section><h2>Claim #{claim['claim']}: {esc(claim['accuser_name'])} accuses {esc(claim['accused_name'])}</h2>"
            f"<table><tr><th>Alleged breach</th><td>{esc(breach_name(claim['breach_type']))}</td></tr>"
            f"<tr><th>Agreement</th><td>{esc(agreement_name(claim['agreement']))}</td></tr>"
            f"<tr><th>First seen</th><td>{esc(claim['first_seen'])} ({esc(claim['first_outlet'])})</td></tr>"
            f"<tr><th>Reports</th><td>{claim['reports']} in {claim['outlets']} outlet(s)</td></tr>"
            f"<tr><th>Verdict</th><td>{esc(VERDICT_LABELS.get(claim['verdict'] or '', 'not reviewed'))}</td></tr></table></section>"
            f"<section><h2>Every report of this claim</h2><table><tr><th>Published</th><th>Outlet</th><th>Mode</th>"
            f"<th>Speaker</th><th>Evidence in its paragraph</th></tr>{reports}</table></section>"
            f"<section><h2>Review</h2>{form}"
            + (f"<table><tr><th>When</th><th>Verdict</th><th>By</th><th>Note</th></tr>{reviews}</table>" if reviews else "")
            + "</section>")
    return layout(f"Claim {claim['claim']}", "claims", body)


def statements_page(rows, total, page, speaker: str | None, q: str | None) -> str:
    params = {"speaker": speaker or "", "q": q or ""}
    form = (f"<form class='filters' method='get' action='{BASE}/statements'><label>Speaker<input name='speaker' value='{esc(speaker)}'></label>"
            f"<label>Words in the quote<input name='q' value='{esc(q)}'></label><button type='submit'>Search</button></form>")
    table = "".join(f"<tr><td>{esc(r['published'])}</td><td>{esc(r['outlet'])}</td><td>{esc(r['speaker'])}</td>"
                    f"<td>{esc(r['speaker_for'])}</td><td>{esc(r['cue'])}</td><td>{esc(r['quote'])}</td>"
                    f"<td><a href='{esc(r['url'])}' rel='noopener noreferrer'>{esc(r['title'] or 'article')}</a></td></tr>" for r in rows)
    body = (f"<section><h2>Who said what</h2>{form}<p class='note'>Export: {exports('statements', params)}</p>"
            f"<table><tr><th>Published</th><th>Outlet</th><th>Speaker</th><th>Speaks for</th><th>Cue</th><th>Quote</th>"
            f"<th>Article</th></tr>{table}</table>{pager('/statements', params, page, total)}</section>")
    return layout("Statements", "statements", body)


def _counts(counts: dict | None, keys: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{label} {(counts or {}).get(key, 0)}" for key, label in keys)


def runs_table(runs: list[dict[str, Any]]) -> str:
    if not runs:
        return "<p class='muted'>No runs yet.</p>"
    keys = (("feeds_polled", "feeds"), ("feeds_failed", "feeds failed"), ("articles_new_or_changed", "new articles"),
            ("pages_failed", "pages failed"), ("new_claims", "new claims"), ("alerts_sent", "emails"))
    rows = "".join(
        f"<tr><td>{r['id']}</td><td>{esc(r['source'])}</td><td class='{'bad' if r['status'] == 'failed' else ''}'>{esc(r['status'])}</td>"
        f"<td>{esc(r['started_at'])}</td><td>{esc(r['finished_at'])}</td>"
        f"<td>{esc(_counts(r['counts'], keys))}</td><td>{esc(r['error'])}</td></tr>"
        for r in runs)
    return ("<table><tr><th>Run</th><th>Source</th><th>Status</th><th>Started</th><th>Finished</th><th>Counts</th>"
            f"<th>Error</th></tr>{rows}</table>")


def operations_page(report: dict[str, list[dict[str, Any]]]) -> str:
    feeds = "".join(
        f"<tr><td>{esc(f['name'])}</td><td>{esc(f['outlet'])}</td><td class='{'ok' if f['health'] == 'ok' else 'bad'}'>{esc(f['health'])}</td>"
        f"<td>{esc(f['last_success_at'])}</td><td>{esc(f['consecutive_failures'])}</td><td>{esc(f['last_error'])}</td>"
        f"<td>{esc(f['items_seen'])}</td></tr>" for f in report.get("feeds", []))
    events = "".join(f"<tr><td>{esc(e['at'])}</td><td>{esc(e['stage'])}</td><td>{esc(e['kind'])}</td><td>{esc(e['subject'])}</td>"
                     f"<td>{esc(e['message'])}</td></tr>" for e in report.get("events", []))
    outbox = ", ".join(f"{esc(o['status'])}: {o['alerts']}" for o in report.get("outbox", [])) or "empty"
    failed = "".join(f"<tr><td>{a['alert']}</td><td><a href='{claim_link(a['claim'])}'>{a['claim']}</a></td>"
                     f"<td>{a['attempts']}</td><td>{esc(a['last_error'])}</td></tr>" for a in report.get("failed_alerts", []))
    body = (f"<section><h2>Feed health</h2><table><tr><th>Feed</th><th>Outlet</th><th>Health</th><th>Last success</th>"
            f"<th>Failures in a row</th><th>Last error</th><th>Items</th></tr>{feeds}</table></section>"
            f"<section><h2>Runs</h2>{runs_table(report.get('runs', []))}</section>"
            f"<section><h2>Alert outbox</h2><p>{outbox}</p>"
            + (f"<p class='bad'>Refused by the mail server (re-queue: <code>python -m pipeline requeue-alerts --all-failed</code>)</p>"
               f"<table><tr><th>Alert</th><th>Claim</th><th>Attempts</th><th>Error</th></tr>{failed}</table>" if failed else "")
            + f"</section><section><h2>Recent failures</h2><table><tr><th>At</th><th>Stage</th><th>Kind</th><th>Subject</th>"
            f"<th>Message</th></tr>{events}</table></section>")
    return layout("Operations", "operations", body)
