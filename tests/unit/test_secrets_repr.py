"""Settings and SmtpSettings never print a password: the DSN's is masked, the SMTP one is ***."""

from __future__ import annotations

import pytest

from pipeline.config import Settings, SmtpSettings, redact_dsn, settings_from_env


@pytest.mark.parametrize("dsn, shown", [
    ("postgresql://monitor:s3cr3t-pw@db.internal:5432/news", "postgresql://monitor:***@db.internal:5432/news"),
    ("postgres://monitor:s3cr3t-pw@db.internal/news?sslmode=require", "postgres://monitor:***@db.internal/news?sslmode=require"),
    ("postgresql://monitor:p%40ss@h/news", "postgresql://monitor:***@h/news"),
    ("postgresql://monitor:pa@ss@h/news", "postgresql://monitor:***@h/news"),
    ("postgresql://h/news?user=monitor&password=s3cr3t-pw&sslmode=require",
     "postgresql://h/news?user=monitor&password=***&sslmode=require"),
    ("host=db.internal port=5432 user=monitor password=s3cr3t-pw dbname=news",
     "host=db.internal port=5432 user=monitor password=*** dbname=news"),
    ("host=db.internal password = 's3cr3t pw \\' more' dbname=news", "host=db.internal password = *** dbname=news"),
    ("host=db.internal password='s3cr3t-pw", "host=db.internal password=***"),
    ("postgresql://monitor@127.0.0.1:5432/news", "postgresql://monitor@127.0.0.1:5432/news"),
    ("host=db.internal dbname=news", "host=db.internal dbname=news"),
])
def test_redact_dsn(dsn, shown):
    assert redact_dsn(dsn) == shown


def test_settings_repr_masks_the_database_password():
    settings = Settings(database_url="postgresql://monitor:s3cr3t-pw@127.0.0.1:5432/news")
    text = repr(settings)
    assert "s3cr3t" not in text and "postgresql://monitor:***@127.0.0.1:5432/news" in text
    assert text.startswith("Settings(database_url=") and "feeds_path=" in text and "fetch=FetchSettings(" in text
    assert str(settings) == text


def test_smtp_password_is_masked_and_other_fields_shown():
    smtp = SmtpSettings(host="mail.internal", port=587, user="alerts", password="m41l-pw", starttls=True)
    text = repr(smtp)
    assert "m41l-pw" not in text and "password='***'" in text
    assert "host='mail.internal'" in text and "port=587" in text and "user='alerts'" in text
    assert "password=None" in repr(SmtpSettings(host="h"))


def test_settings_from_env_repr_has_no_secret():
    settings = settings_from_env({
        "DATABASE_URL": "host=127.0.0.1 user=monitor password=s3cr3t-pw dbname=news",
        "SMTP_HOST": "127.0.0.1", "SMTP_USER": "alerts", "SMTP_PASSWORD": "m41l-pw",
    })
    text = repr(settings)
    assert "s3cr3t" not in text and "m41l-pw" not in text
    assert "password=***" in text and "SmtpSettings(host='127.0.0.1'" in text
    assert settings.database_url.endswith("password=s3cr3t-pw dbname=news")  # the value itself is untouched
    assert settings.smtp.password == "m41l-pw"
