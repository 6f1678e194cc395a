# The project's Airflow image: the official image plus the locked dependencies and the pipeline package.
# The lock is resolved for Python 3.11, so the 3.3.2 image built on Python 3.11 is used.
FROM apache/airflow:3.3.2-python3.11

COPY --chown=airflow:0 requirements.lock /opt/project/requirements.lock
# Versions and hashes come from the lock; what the base image already has at the same version is kept.
RUN pip install --no-cache-dir --require-hashes --no-deps -r /opt/project/requirements.lock

COPY --chown=airflow:0 pipeline /opt/project/pipeline
COPY --chown=airflow:0 config /opt/project/config
COPY --chown=airflow:0 dags /opt/airflow/dags
COPY --chown=airflow:0 plugins /opt/airflow/plugins
ENV PYTHONPATH=/opt/project
