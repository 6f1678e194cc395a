"""Alert subjects: one line, the charge in words with the agreement, when and where; plural accusers agree."""

from __future__ import annotations

from email import message_from_bytes

from pipeline.alerts import AlertView, charge, render


def alert(**changes) -> AlertView:
    fields = dict(alert_id=1, claim_id=7, accuser="Russia", accused="Turkey", agreement="moscow_2020",
                  breach_type="delayed_or_unfulfilled_commitments", speaker="Maria Zakharova",
                  evidence="Ankara is delaying.", outlet="Press TV", title="Turkey dragging feet",
                  url="http://127.0.0.1/a", published_at="2020-05-14 09:30 UTC", recipients=("a@example.org",))
    return AlertView(**{**fields, **changes})


def test_the_subject_says_the_charge_under_its_agreement_with_date_and_outlet_on_one_line():
    message = render(alert(outlet="A very long outlet name " * 4), "monitor@example.org", "http://127.0.0.1:8080/monitor")
    raw = bytes(message)
    subject_lines = [line for line in raw.split(b"\r\n") if line.startswith(b"Subject:")]
    assert len(subject_lines) == 1 and subject_lines[0].startswith(b"Subject: [ceasefire monitor] Russia accuses Turkey")
    parsed = message_from_bytes(raw)
    assert "Moscow additional protocol" in parsed["Subject"] and "2020-05-14" in parsed["Subject"]
    assert "\n" not in parsed["Subject"] and len(parsed["Subject"]) <= 200


def test_the_body_links_the_claim_page_for_review():
    text = render(alert(), "m@example.org", "http://127.0.0.1:8080/monitor/").get_body(("plain",)).get_content()
    assert "Review: http://127.0.0.1:8080/monitor/claims/7" in text
    assert "Review:" not in render(alert(), "m@example.org", None).get_body(("plain",)).get_content()


def test_truce_is_said_only_of_truces_and_plural_accusers_agree():
    assert charge("Armed groups", "Syria", None, "attack") == "Armed groups accuse Syria of an attack in breach of the ceasefire"
    assert "truce" not in charge("Turkey", "Syria", "sochi_2018", "attack")
    assert "Sochi memorandum" in charge("Turkey", "Syria", "sochi_2018", "attack")
    assert charge("Russia", "Armed groups", "astana", "ceasefire_violation").startswith("Russia accuses Armed groups of violating")


def test_two_alerts_of_one_pair_on_different_days_have_different_subjects():
    first = render(alert(), "m@example.org")["Subject"]
    second = render(alert(alert_id=2, claim_id=8, published_at="2020-05-20 08:00 UTC"), "m@example.org")["Subject"]
    assert first != second
