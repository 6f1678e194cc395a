"""docker-compose.yml, validated without a Docker engine: the compose-spec JSON schema plus the checks
this deployment depends on. The schema is the one docker-compose 1.29.2 ships (tests/data/compose_spec.json,
Apache-2.0)."""

from __future__ import annotations

import copy
import json
import os
import re

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT

AIRFLOW_SERVICES = ("airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-worker",
                    "airflow-triggerer", "airflow-init")
REQUIRED = ("postgres", "redis", "news-db", "mailpit", *AIRFLOW_SERVICES)
VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$(\$)")


def interpolate(value, env: dict[str, str]):
    """Compose-style ${VAR}, ${VAR:-default} and $$ substitution through the parsed document."""
    if isinstance(value, dict):
        return {k: interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, env) for v in value]
    if isinstance(value, str):
        return VARIABLE.sub(lambda m: "$" if m.group(3) else env.get(m.group(1)) or (m.group(2) or ""), value)
    return value


def undefaulted_variables(text: str) -> set[str]:
    return {m.group(1) for m in VARIABLE.finditer(text) if m.group(1) and m.group(2) is None}


def problems(doc: dict) -> list[str]:
    """Schema errors and the deployment's own rules."""
    schema = json.loads((ROOT / "tests" / "data" / "compose_spec.json").read_text())
    found = [e.message for e in jsonschema.Draft201909Validator(schema).iter_errors(doc)]
    services = doc.get("services", {})
    found += [f"missing service {name}" for name in REQUIRED if name not in services]
    for name, service in services.items():
        depends = service.get("depends_on", {})
        for target in depends if isinstance(depends, (list, dict)) else []:
            if target not in services:
                found.append(f"{name} depends on unknown service {target}")
    airflow = [services[n] for n in AIRFLOW_SERVICES if n in services]
    for key in ("AIRFLOW__API_AUTH__JWT_SECRET", "AIRFLOW__CORE__EXECUTOR", "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"):
        values = {s.get("environment", {}).get(key) for s in airflow}
        if len(values) != 1 or None in values:
            found.append(f"{key} differs between Airflow services: {values}")
    if any(len(s.get("environment", {}).get("AIRFLOW__API_AUTH__JWT_SECRET") or "") < 64 for s in airflow):
        found.append("JWT secret shorter than 64 characters")
    if {s.get("image") for s in airflow} != {services["airflow-apiserver"].get("image")}:
        found.append("Airflow services do not share one image")
    return found


@pytest.fixture(scope="module")
def compose_text() -> str:
    return (ROOT / "docker-compose.yml").read_text()


@pytest.fixture(scope="module")
def compose(compose_text) -> dict:
    return interpolate(yaml.safe_load(compose_text), {k: v for k, v in os.environ.items() if k == "HOME"})


def test_compose_file_passes_the_schema_and_the_deployment_rules(compose):
    assert problems(compose) == []


def test_every_variable_has_a_default(compose_text):
    assert undefaulted_variables(compose_text) == set()


def test_airflow_runs_celery_with_the_project_image_and_connections(compose):
    services = compose["services"]
    for name in AIRFLOW_SERVICES:
        env = services[name]["environment"]
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
        assert services[name]["build"] == "."
        assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"].startswith("http://airflow-apiserver:8080/")
        assert json.loads(env["AIRFLOW_CONN_NEWS_DB"])["host"] == "news-db"
        smtp = json.loads(env["AIRFLOW_CONN_NEWS_SMTP"])
        assert smtp["host"] == "mailpit" and smtp["extra"] == {"disable_ssl": True, "disable_tls": True,
                                                               "from_email": "ceasefire-monitor@localhost"}
    assert "8080:8080" in services["airflow-apiserver"]["ports"]
    assert "8025:8025" in services["mailpit"]["ports"]


def test_image_is_built_from_airflow_3_3_2():
    dockerfile = (ROOT / "Dockerfile").read_text()
    base = re.search(r"^FROM\s+(\S+)", dockerfile, re.MULTILINE).group(1)
    assert base.startswith("apache/airflow:3.3.2")
    assert "--require-hashes" in dockerfile and "requirements.lock" in dockerfile


def test_validator_rejects_a_missing_dependency_and_an_unknown_key(compose):
    broken = copy.deepcopy(compose)
    del broken["services"]["redis"]
    assert any("unknown service redis" in p for p in problems(broken))
    broken = copy.deepcopy(compose)
    broken["services"]["mailpit"]["portz"] = ["1"]
    assert any("portz" in p for p in problems(broken))


def test_validator_rejects_mismatched_jwt_secrets(compose):
    broken = copy.deepcopy(compose)
    broken["services"]["airflow-worker"]["environment"]["AIRFLOW__API_AUTH__JWT_SECRET"] = "other"
    assert any("JWT_SECRET differs" in p for p in problems(broken))
