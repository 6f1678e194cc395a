-- Alert delivery that survives outages: transient failures back off per alert (next_attempt_at)
-- instead of counting towards giving up; only a permanent (5xx) refusal fails an alert, and an
-- operator re-queues it with `python -m pipeline requeue-alerts`. message_id holds the real
-- Message-ID header, the same on every attempt.

ALTER TABLE alerts ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE alerts ADD COLUMN last_attempt_at timestamptz;

DROP INDEX IF EXISTS alerts_pending;
CREATE INDEX alerts_due ON alerts (next_attempt_at, id) WHERE status = 'pending';

-- Rows written before this stored 'alert-{id}'; the header sent was always this.
UPDATE alerts SET message_id = format('<alert-%s.claim-%s@ceasefire-monitor>', id, claim_id)
WHERE message_id IS NOT NULL OR attempts > 0;

COMMENT ON TABLE alerts IS 'Outbox: one email per new claim, written with the claim, retried until sent or refused.';
COMMENT ON COLUMN alerts.status IS 'pending (queued, or backing off after a transient failure), sent, failed (the mail server refused it with a 5xx reply; re-queue with `python -m pipeline requeue-alerts`) or no_recipients.';
COMMENT ON COLUMN alerts.sent_at IS 'When the SMTP server accepted the email (its reply to DATA).';
COMMENT ON COLUMN alerts.attempts IS 'Send attempts so far (reset to 0 by a re-queue). A drain that cannot reach the server counts none.';
COMMENT ON COLUMN alerts.last_error IS 'The server''s reply or the error of the last failed attempt (for a sent alert: recipients refused while others accepted it).';
COMMENT ON COLUMN alerts.claim_id IS 'The claim the email announces (one alert per claim).';
COMMENT ON COLUMN alerts.message_id IS 'The Message-ID header, the same on every attempt, so a receiver can drop a duplicate.';
COMMENT ON COLUMN alerts.next_attempt_at IS 'A pending alert is not tried before this: after a transient failure 1 min, doubling to 1 h.';
COMMENT ON COLUMN alerts.last_attempt_at IS 'When the last send attempt ended.';
