-- Analyst review of claims: confirmed as reported, or wrong (and how). The latest review of a
-- claim is its verdict; claims whose verdict is wrong leave the trends and exports unless asked.

CREATE TABLE reviews (
    id          bigserial PRIMARY KEY,
    claim_id    bigint NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    verdict     text NOT NULL CHECK (verdict IN ('confirmed', 'not_a_claim', 'wrong_accuser', 'wrong_accused',
                                                 'wrong_agreement')),
    note        text NOT NULL DEFAULT '',
    reviewer    text NOT NULL,
    reviewed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reviews_claim ON reviews (claim_id, reviewed_at DESC);

CREATE VIEW claim_verdicts AS
SELECT DISTINCT ON (claim_id) claim_id, verdict, note, reviewer, reviewed_at,
       verdict <> 'confirmed' AS wrong
FROM reviews ORDER BY claim_id, reviewed_at DESC, id DESC;

-- Every claim, reviewed or not: the trends the console charts, with the wrong ones kept apart.
CREATE VIEW accusation_trends_all AS
SELECT date_trunc('week', c.first_seen)::date AS week,
       c.accuser,
       c.accused,
       c.agreement,
       count(DISTINCT c.id)          AS accusations,
       count(DISTINCT a.article_id)  AS articles,
       count(DISTINCT ar.outlet)     AS outlets,
       COALESCE(v.wrong, false)      AS marked_wrong
FROM claims c
JOIN accusations a ON a.claim_id = c.id
JOIN articles ar ON ar.id = a.article_id
LEFT JOIN claim_verdicts v ON v.claim_id = c.id
GROUP BY 1, 2, 3, 4, 8;

CREATE OR REPLACE VIEW accusation_trends AS
SELECT week, accuser, accused, agreement, accusations, articles, outlets
FROM accusation_trends_all WHERE NOT marked_wrong;

COMMENT ON TABLE reviews IS 'Analyst reviews of claims; the latest per claim is its verdict (claim_verdicts).';
COMMENT ON COLUMN reviews.verdict IS 'confirmed (as reported), not_a_claim, wrong_accuser, wrong_accused or wrong_agreement.';
COMMENT ON COLUMN reviews.reviewer IS 'The Airflow user (or CLI user) who reviewed.';
COMMENT ON VIEW claim_verdicts IS 'The latest review of each reviewed claim; wrong is true for every verdict but confirmed.';
COMMENT ON VIEW accusation_trends IS 'Claims per week between two parties and agreement, with the articles and outlets that reported them; claims reviewed as wrong are left out (see accusation_trends_all).';
COMMENT ON VIEW accusation_trends_all IS 'accusation_trends with the claims reviewed as wrong too, flagged by marked_wrong.';
