-- Analyst views and the documentation of every column analysts query.

CREATE VIEW accusation_trends AS
SELECT date_trunc('week', c.first_seen)::date AS week,
       c.accuser,
       c.accused,
       c.agreement,
       count(DISTINCT c.id)          AS accusations,
       count(DISTINCT a.article_id)  AS articles,
       count(DISTINCT ar.outlet)     AS outlets
FROM claims c
JOIN accusations a ON a.claim_id = c.id
JOIN articles ar ON ar.id = a.article_id
GROUP BY 1, 2, 3, 4;

CREATE VIEW claim_reports AS
SELECT c.id AS claim_id, c.accuser, c.accused, c.agreement, c.breach_type,
       c.first_seen, c.first_outlet, fa.url AS first_url,
       count(DISTINCT a.article_id) AS reports,
       count(DISTINCT ar.outlet)    AS outlets,
       array_agg(DISTINCT ar.outlet ORDER BY ar.outlet) AS outlet_list,
       (SELECT a2.evidence FROM accusations a2 WHERE a2.claim_id = c.id ORDER BY a2.confidence DESC, a2.id LIMIT 1) AS evidence
FROM claims c
JOIN accusations a ON a.claim_id = c.id
JOIN articles ar ON ar.id = a.article_id
JOIN articles fa ON fa.id = c.first_article_id
GROUP BY c.id, fa.url;

CREATE VIEW feed_health AS
SELECT f.name, f.outlet, f.url, f.enabled, f.disabled_reason,
       CASE WHEN NOT f.enabled THEN 'disabled'
            WHEN f.consecutive_failures > 0 THEN 'failing'
            WHEN f.last_success_at IS NULL THEN 'never polled'
            ELSE 'ok' END AS health,
       f.last_polled_at, f.last_success_at, f.last_status, f.consecutive_failures,
       f.last_error, f.items_seen, f.next_poll_at,
       (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS items_stored,
       (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.status = 'failed') AS items_failed
FROM feeds f;

COMMENT ON TABLE articles IS 'One row per canonical article URL: extracted body, metadata and relevance decision.';
COMMENT ON COLUMN articles.id IS 'Article id.';
COMMENT ON COLUMN articles.url IS 'Canonical URL (tracking parameters, AMP and fragments removed): the natural key.';
COMMENT ON COLUMN articles.outlet IS 'Publishing outlet, from config/feeds.yaml.';
COMMENT ON COLUMN articles.title IS 'Headline as extracted from the page (feed title as fallback).';
COMMENT ON COLUMN articles.published_at IS 'Publication time from the page or feed, UTC; NULL when neither gives one.';
COMMENT ON COLUMN articles.fetched_at IS 'When the page was last fetched.';
COMMENT ON COLUMN articles.language IS 'Language code detected or declared for the page.';
COMMENT ON COLUMN articles.body_text IS 'Article body as extracted by trafilatura; statement offsets index into it.';
COMMENT ON COLUMN articles.is_relevant IS 'True when the story is about an Idlib/Syria ceasefire (see docs/schema.md); NULL until analysed.';
COMMENT ON COLUMN articles.relevance_score IS 'Relevance score in [0, 1]; evidence in relevance_evidence.';
COMMENT ON COLUMN articles.revision IS 'Number of distinct bodies seen at this URL (corrections increase it).';

COMMENT ON TABLE statements IS 'Who said what: direct quotes and indirect statements, each tied to its sentence by offsets.';
COMMENT ON COLUMN statements.id IS 'Statement id.';
COMMENT ON COLUMN statements.article_id IS 'Article the statement appears in.';
COMMENT ON COLUMN statements.kind IS '''direct'' (inside quotation marks) or ''indirect'' (reported speech).';
COMMENT ON COLUMN statements.speaker IS 'Speaker as fully named anywhere in the article, even when the attribution says she or the diplomat.';
COMMENT ON COLUMN statements.speaker_actor IS 'Actor id of the speaker (actors.id); rolls up through actors.parent_id.';
COMMENT ON COLUMN statements.quote IS 'The quoted or reported text.';
COMMENT ON COLUMN statements.cue IS 'Attribution verb or phrase (said, told, pointed out, according to).';
COMMENT ON COLUMN statements.char_start IS 'Start offset of the quote in articles.body_text.';
COMMENT ON COLUMN statements.char_end IS 'End offset (exclusive) of the quote in articles.body_text.';

COMMENT ON TABLE accusations IS 'Claims that one party breached a ceasefire commitment, as reported: what was said, never an established fact.';
COMMENT ON COLUMN accusations.id IS 'Accusation id.';
COMMENT ON COLUMN accusations.article_id IS 'Article the claim was reported in.';
COMMENT ON COLUMN accusations.statement_id IS 'Statement carrying the claim, when it is a quote or reported speech.';
COMMENT ON COLUMN accusations.accuser IS 'Canonical actor making the claim (russia, turkey, syria, ...).';
COMMENT ON COLUMN accusations.accused IS 'Canonical actor said to have breached a commitment.';
COMMENT ON COLUMN accusations.agreement IS 'Agreement invoked: astana, sochi_2018, moscow_2020, ne_syria_2019, jan_2020_truce, or NULL.';
COMMENT ON COLUMN accusations.breach_type IS 'What is alleged: ceasefire_violation, attack, delayed_or_unfulfilled_commitments, support_for_designated_groups, obstruction_of_patrols, failure_to_honor_deescalation, other.';
COMMENT ON COLUMN accusations.evidence IS 'The sentence the claim comes from.';
COMMENT ON COLUMN accusations.confidence IS 'Extractor confidence in [0, 1] that this sentence makes this claim.';
COMMENT ON COLUMN accusations.created_at IS 'When the monitor stored the claim.';
COMMENT ON COLUMN accusations.mode IS 'claim or counter (attributed claims); narrative (outlet''s own voice), hypothetical, denial: filter these out for counts.';
COMMENT ON COLUMN accusations.claim_id IS 'The claim this report belongs to; the same claim carried by several outlets shares one id.';

COMMENT ON TABLE actors IS 'Gazetteer: people roll up to institutions, institutions to states or organisations.';
COMMENT ON COLUMN actors.id IS 'Actor id (canonical ids: russia, turkey, syria, united_states, iran, armed_groups, sdf, isis, un, eu, ...).';
COMMENT ON COLUMN actors.name IS 'Display name.';
COMMENT ON COLUMN actors.kind IS 'state, institution, armed_group, person or organisation.';
COMMENT ON COLUMN actors.parent_id IS 'The actor this one rolls up to; NULL for canonical actors.';

COMMENT ON TABLE alerts IS 'Outbox: one email per new claim, written with the claim, retried until sent.';
COMMENT ON COLUMN alerts.id IS 'Alert id.';
COMMENT ON COLUMN alerts.accusation_id IS 'The accusation (first report of the claim) the email is about.';
COMMENT ON COLUMN alerts.recipients IS 'Addresses the email was (or will be) sent to.';
COMMENT ON COLUMN alerts.status IS 'pending, sent, failed (gave up after max attempts) or no_recipients.';
COMMENT ON COLUMN alerts.sent_at IS 'When the SMTP server accepted the email.';
COMMENT ON COLUMN alerts.attempts IS 'Send attempts so far.';
COMMENT ON COLUMN alerts.last_error IS 'Error of the last failed attempt.';

COMMENT ON VIEW accusation_trends IS 'Claims per week between two parties and agreement, with the articles and outlets that reported them.';
COMMENT ON COLUMN accusation_trends.week IS 'Monday of the week the claim was first reported.';
COMMENT ON COLUMN accusation_trends.accuser IS 'Canonical accuser.';
COMMENT ON COLUMN accusation_trends.accused IS 'Canonical accused.';
COMMENT ON COLUMN accusation_trends.agreement IS 'Agreement invoked, or NULL.';
COMMENT ON COLUMN accusation_trends.accusations IS 'Distinct claims (one claim carried by many outlets counts once).';
COMMENT ON COLUMN accusation_trends.articles IS 'Articles reporting those claims.';
COMMENT ON COLUMN accusation_trends.outlets IS 'Distinct outlets reporting those claims.';
COMMENT ON VIEW feed_health IS 'Per-feed polling health for operators: last success, failures, last error, items.';
COMMENT ON VIEW claim_reports IS 'Each claim with its number of reports, outlets and first outlet.';

COMMENT ON TABLE commitments IS 'What a party pledges, is bound to, or vows under an agreement, with the sentence it came from.';
COMMENT ON COLUMN commitments.actor IS 'Actor id of the committed party (NULL when the text names none).';
COMMENT ON COLUMN commitments.agreement IS 'Agreement the commitment belongs to, or NULL.';
COMMENT ON COLUMN commitments.clause IS 'The commitment itself, e.g. joint patrols on the M4 highway.';
COMMENT ON COLUMN commitments.kind IS 'pledge, obligation, vow or agreed.';
COMMENT ON COLUMN commitments.evidence IS 'The sentence it came from.';
COMMENT ON COLUMN commitments.char_start IS 'Start offset of the evidence in articles.body_text.';
COMMENT ON COLUMN commitments.char_end IS 'End offset (exclusive) of the evidence in articles.body_text.';
