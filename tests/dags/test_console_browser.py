"""The console after a real dag.test() run, as headless Chromium renders it (skips where Chromium is missing).

The pages come from the plugin inside Airflow's real API app, logged in; Chromium parses and lays
them out with nothing from the network (the console ships everything it needs), and a
screenshot of each is kept in the test's temporary folder.
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.dags.airflow_harness import RUN_DAG, monitor_env, run_airflow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1300,1400"]

FETCH_PAGES = """
import json, pathlib
from airflow.utils.db import initdb
initdb()
from fastapi.testclient import TestClient
from airflow.api_fastapi.app import create_app, get_auth_manager
from airflow.api_fastapi.auth.managers.simple.user import SimpleAuthManagerUser
client = TestClient(create_app())
token = get_auth_manager().generate_jwt(SimpleAuthManagerUser(username="admin", role="ADMIN"))
out = pathlib.Path(__OUT__)
codes = {}
for name, path in (("overview", "/monitor/"), ("claims", "/monitor/claims?accuser=russia"), ("claim", "/monitor/claims/1"),
                   ("statements", "/monitor/statements?speaker=Zakharova")):
    response = client.get(path, cookies={"_token": token})
    codes[name] = response.status_code
    (out / f"{name}.html").write_text(response.text, encoding="utf-8")
print("RESULT " + json.dumps(codes))
"""


REVIEW_IN_BROWSER = """
import base64, json, pathlib, socket, subprocess, threading, time, urllib.request
from airflow.utils.db import initdb
initdb()
import uvicorn
from websockets.sync.client import connect
from airflow.api_fastapi.app import create_app, get_auth_manager
from airflow.api_fastapi.auth.managers.simple.user import SimpleAuthManagerUser

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

out = pathlib.Path(__OUT__)
port, debug = free_port(), free_port()
server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
threading.Thread(target=server.run, daemon=True).start()
base = f"http://127.0.0.1:{port}"
for _ in range(100):
    try:
        urllib.request.urlopen(base + "/api/v2/monitor/health", timeout=2); break
    except Exception:
        time.sleep(0.2)
token = get_auth_manager().generate_jwt(SimpleAuthManagerUser(username="admin", role="ADMIN"))
browser = subprocess.Popen([__CHROMIUM__, *__FLAGS__, f"--user-data-dir={out / 'profile-live'}",
                            f"--remote-debugging-port={debug}", "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(100):
        try:
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{debug}/json/list", timeout=2))
            page = next(t for t in targets if t["type"] == "page")
            break
        except Exception:
            time.sleep(0.2)
    ws = connect(page["webSocketDebuggerUrl"], max_size=None)
    ids = iter(range(1, 10**6))

    def call(method, **params):
        my_id = next(ids)
        ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            message = json.loads(ws.recv())
            if message.get("id") == my_id:
                return message.get("result", {})

    def evaluate(expression):
        return call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def open_and_wait(url=None):
        if url:
            call("Page.navigate", url=url)
        time.sleep(0.3)
        for _ in range(100):
            if evaluate("document.readyState") == "complete" and evaluate("location.href") != "about:blank":
                return
            time.sleep(0.1)

    call("Network.enable")
    call("Network.setCookie", name="_token", value=token, url=base)
    open_and_wait(base + "/monitor/")
    before = evaluate("document.querySelectorAll('svg rect').length")
    open_and_wait(base + "/monitor/claims/1")
    evaluate("document.querySelector(\\"input[value='not_a_claim']\\").click();"
             "document.querySelector('textarea[name=note]').value = 'a question, not a charge';"
             "document.querySelector('form button[type=submit]').click(); true")
    for _ in range(100):  # the browser posts the form and follows the redirect back to the claim
        time.sleep(0.1)
        if "a question, not a charge" in (evaluate("document.body ? document.body.innerText : ''") or ""):
            break
    claim_text = evaluate("document.body.innerText")
    shot = call("Page.captureScreenshot", format="png")
    (out / "claim-reviewed.png").write_bytes(base64.b64decode(shot["data"]))
    open_and_wait(base + "/monitor/")
    after = evaluate("document.querySelectorAll('svg rect').length")
    overview_text = evaluate("document.body.innerText")
    shot = call("Page.captureScreenshot", format="png")
    (out / "overview-after-review.png").write_bytes(base64.b64decode(shot["data"]))
    print("RESULT " + json.dumps({"before": before, "after": after, "claim_text": claim_text, "overview_text": overview_text}))
finally:
    browser.terminate()
    server.should_exit = True
"""


def _render(page: Path, shot: Path) -> str:
    """Chromium's DOM of the page after parsing, and a screenshot of it."""
    profile = page.parent / f"profile-{page.stem}"
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120)
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    return done.stdout


@pytest.mark.airflow
@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (Debian package chromium)")
def test_the_console_after_a_real_run_renders_in_chromium(database_url, seed_web, mail_sink, tmp_path):
    feeds = seed_web.write_feeds_yaml(tmp_path / "feeds.yaml")
    env = monitor_env(tmp_path / "airflow", database_url, mail_sink.port, feeds)
    assert run_airflow(RUN_DAG, env)["state"] == "success"
    pages = tmp_path / "pages"
    pages.mkdir()
    codes = run_airflow(FETCH_PAGES.replace("__OUT__", repr(str(pages))), env)
    assert set(codes.values()) == {200}, codes

    dom = {name: _render(pages / f"{name}.html", tmp_path / f"{name}.png") for name in codes}

    assert "<svg" in dom["overview"] and "Russia → Turkey" in dom["overview"]  # the chart, actors by name
    assert "Moscow additional protocol" in dom["claims"] and "Russia" in dom["claims"]
    assert "Record review" in dom["claim"] and "class=\"evidence\"" in dom["claim"]
    assert "Maria Zakharova" in dom["statements"]
    for name in codes:
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000, name  # a laid-out page, not a blank one

    # A review recorded from the browser: Chromium opens the claim, ticks "not a claim", writes a
    # note and submits the form (its CSRF token included) to the real app; the chart loses the claim.
    served = {**env, "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(64)}  # a served app signs its tokens
    live = run_airflow(REVIEW_IN_BROWSER.replace("__OUT__", repr(str(pages))).replace("__CHROMIUM__", repr(CHROMIUM))
                       .replace("__FLAGS__", repr(FLAGS)), served)
    assert live["before"] >= 1 and live["after"] == 0, live  # the seed's one claim left the chart
    assert "wrong: not a claim" in live["claim_text"] and "a question, not a charge" in live["claim_text"]
    assert "No claims match" in live["overview_text"]
    assert (pages / "claim-reviewed.png").stat().st_size > 10_000
