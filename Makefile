# Two commands matter: `make run` (or `make demo`) and `make test`. Everything else is a helper.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-12)

.PHONY: setup run demo test eval bench lock psql clean celery-check

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	rm -f $(VENV)/.installed-* && touch $(STAMP)

setup: $(STAMP) ## create .venv from the lock file (hash-checked)

run: setup ## PostgreSQL + mail sink + Airflow standalone, polling config/feeds.yaml
	$(BIN)/python scripts/launch.py

demo: setup ## the same, polling the bundled sample web on 127.0.0.1
	$(BIN)/python scripts/launch.py --demo

test: setup ## lint and types (ruff, mypy on pipeline/ and localdev/; settings in pyproject.toml), then the whole test suite
	$(BIN)/python -m ruff check .
	$(BIN)/python -m mypy pipeline localdev
	$(BIN)/python -m pytest

eval: setup ## quality on the annotated dev set (gated), then on the unread held-out set (figures only)
	$(BIN)/python -m pipeline eval --gold tests/data/dev --baseline tests/data/quality_baseline.json
	$(BIN)/python -m pipeline eval --gold tests/data/heldout/part_h.jsonl
	$(BIN)/python -m pipeline eval --gold tests/data/heldout/part_j.jsonl
	$(BIN)/python -m pipeline eval --gold tests/data/heldout/part_l.jsonl
	$(BIN)/python -m pipeline eval --gold tests/data/heldout/part_n.jsonl
	$(BIN)/python -m pipeline eval --gold tests/data/heldout/part_p.jsonl
	@if [ -d ../shared/corpus/news ]; then \
	  $(BIN)/python -m pipeline eval --gold tests/data/real/dev.jsonl --baseline tests/data/real_quality_baseline.json && \
	  $(BIN)/python -m pipeline eval --gold tests/data/real/heldout.jsonl && \
	  $(BIN)/python -m pipeline eval --gold tests/data/real/quotes_dev.jsonl --gold tests/data/real/quotes2_dev.jsonl \
	    --gold tests/data/real/quotes3_dev.jsonl --baseline tests/data/real_quotes_baseline.json && \
	  $(BIN)/python -m pipeline eval --gold tests/data/real/quotes_heldout.jsonl --gold tests/data/real/quotes2_heldout.jsonl \
	    --gold tests/data/real/quotes3_heldout.jsonl; \
	else echo "../shared/corpus/news absent: real-news evaluation skipped"; fi
	@if [ -d ../shared/corpus/polnear ]; then \
	  $(BIN)/python -m pipeline eval-attribution --polnear ../shared/corpus/polnear --split dev; \
	else echo "../shared/corpus/polnear absent: attribution evaluation skipped"; fi
	@if [ -d ../shared/corpus/cameo ]; then \
	  $(BIN)/python -m pipeline eval-actors && $(BIN)/python -m pipeline eval-actors --heldout; \
	else echo "../shared/corpus/cameo absent: actor evaluation skipped"; fi
	$(BIN)/python -m pipeline eval-extraction --pages tests/data/extraction --baseline tests/data/extraction_baseline.json
	@if [ -d ../shared/corpus/extraction ]; then \
	  $(BIN)/python -m pipeline eval-extraction --pages ../shared/corpus/extraction --compare --baseline tests/data/extraction_real_baseline.json; \
	else echo "../shared/corpus/extraction absent: real-page extraction gate skipped"; fi

bench: setup ## speed figures (prints numbers; not a test)
	$(BIN)/python bench/analysis_speed.py
	$(BIN)/python bench/ingest.py --feeds 100

lock: ## re-resolve requirements.in into requirements.lock (needs uv)
	uv pip compile requirements.in --generate-hashes --python-version 3.11 --python-platform x86_64-manylinux_2_35 -o requirements.lock

celery-check: setup ## a real CeleryExecutor run on Redis at 127.0.0.1:6379 with two workers (exit 3: no broker)
	$(BIN)/python scripts/celery_check.py

psql: setup ## psql on the project database
	$(BIN)/python -m pipeline psql

clean:
	rm -rf .data
