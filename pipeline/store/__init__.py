"""Persistence: every SQL statement of the product, by concern.

db (connections, migrations, the deadlock retry), runs (runs, their leases, events), feeds
(feeds, poll leases and health, new items), articles (page leases, article upserts), analysis
(the analysis queue, analyses, claims, actors), outbox (alert and alarm rows), reviews, and
reads (the console's, exports' and operator report's read-only queries). Migrations are in
pipeline/sql.
"""
