"""Local stand-ins for the sample web, the mail sink and the embedded PostgreSQL used by make demo, the tests and the benches; not the product."""
