-- Operator alarms: a feed that keeps failing is emailed to the operators once per failing streak,
-- through an outbox of its own (retried like alerts), not only recorded in events.

ALTER TABLE feeds ADD COLUMN alarmed_at timestamptz;
COMMENT ON COLUMN feeds.alarmed_at IS 'When operators were last emailed that this feed keeps failing (once per failing streak).';

CREATE TABLE operator_alarms (
    id          bigserial PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now(),
    subject     text NOT NULL,
    body        text NOT NULL,
    status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts    integer NOT NULL DEFAULT 0,
    sent_at     timestamptz,
    last_error  text
);
CREATE INDEX operator_alarms_pending ON operator_alarms (id) WHERE status = 'pending';
COMMENT ON TABLE operator_alarms IS 'Emails to operators (feeds failing again and again); pending until the mail server accepts them.';
