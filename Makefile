# Sportwijzer. The two commands you need: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-requirements
NODE_STAMP := node_modules/.installed

export NO_MKDOCS_2_WARNING := 1

.PHONY: help venv serve build check test test-snel lint format bench clean verouderd aanbod-uit-issue \
	zoekkwaliteit nieuw-aanbod nieuw-evenement vraag-telling evenement-uit-issue verouderd-issue \
	leesbaarheid nieuw-partner

help:
	@echo "make serve   bouw de demoregio en toon hem op http://127.0.0.1:8000 (andere poort: POORT=8001)"
	@echo "make test    draai alle tests"
	@echo "make test-snel  draai de tests zonder browser en zonder de trage (snel, tijdens het werk)"
	@echo "make build   bouw de site in site/"
	@echo "make check   controleer alleen de gegevens (snel)"
	@echo "make leesbaarheid  elke tekst met de gemiddelde lengte van zijn zinnen en de moeilijkste zinnen"
	@echo "make lint    controleer de code: ruff en mypy (Python), ESLint (JavaScript)"
	@echo "make bench   meet de snelheid van check en build, de grootte van de site en de zoekkwaliteit"
	@echo "make zoekkwaliteit  hoe goed de zoekpagina vragen beantwoordt (bench/zoekvragen.py), voor en na"
	@echo "make verouderd       tabel van aanbod dat langer dan 12 maanden niet is nagekeken"
	@echo "make verouderd-issue LINK=...   dezelfde lijst als tekst voor het issue 'Aanbod nakijken'"
	@echo "make aanbod-uit-issue ISSUE=<bestand> [SLUG=naam]   maak een aanbod uit een issue"
	@echo "make evenement-uit-issue ISSUE=<bestand> [SLUG=naam]   maak een activiteit uit een issue"
	@echo "make nieuw-aanbod SLUG=... TITEL=... SPORT=... AANBIEDER=... GEMEENTE=..."
	@echo "make nieuw-evenement SLUG=... TITEL=... SOORT=... ORGANISATOR=... DATUM=... GEMEENTE=..."
	@echo "make nieuw-partner SLUG=... NAAM=... SOORT=... [GEMEENTE=...]"
	@echo "                     schrijf een nieuw aanbod, activiteit of partner"
	@echo "                     (zonder waarden: vragen op het scherm)"
	@echo "make vraag-telling BRON=<register>   tel het register van het loket (.xlsx, .csv of map)"
	@echo "                     in vragen/telling.yml; het register zelf blijft buiten git"

# The virtual environment, rebuilt whenever requirements.txt (or the part it includes) changes.
$(STAMP): requirements.txt requirements-check.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

venv: $(STAMP)

# The JavaScript linter (ESLint, pinned in package-lock.json), installed once with npm ci and
# again when package.json or the lock changes. Only for make lint: the site needs no Node.js.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

# The preview: rebuilt on every change of the data, a Dutch page while the data has errors, and
# after a change only the pages whose input changed (hooks/sportwijzer_serve.py).
serve: override export POORT := $(value POORT)
serve: $(STAMP)
	@PYTHONPATH=hooks $(BIN)/python -m sportwijzer_serve

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	@PYTHONPATH=hooks $(BIN)/python -m sportwijzer check

# Plain language: every text people read with its average sentence length and its hardest
# sentences, worst first (make check warns about each sentence over 20 words and each hard word).
leesbaarheid: $(STAMP)
	@PYTHONPATH=hooks $(BIN)/python -m sportwijzer leesbaarheid

# Every test, browser tests included, spread over the machine's processors (at most four; each
# worker builds the demo site once). `make test-snel`: the tests without a browser and without
# those marked traag (a full build of their own, the robustness sweep), for a quick check while
# you work; make test runs them.
test: $(STAMP)
	$(BIN)/python -m pytest --numprocesses=auto --maxprocesses=4 --dist=loadfile

test-snel: $(STAMP)
	$(BIN)/python -m pytest --ignore=tests/browser -m "not traag" --numprocesses=auto --maxprocesses=4

# The same four commands run in pre-commit (.pre-commit-config.yaml) and in CI (.ci/run).
lint: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check hooks tests bench .ci
	$(BIN)/ruff format --check hooks tests bench .ci
	$(BIN)/mypy hooks
	npx --no-install eslint content/javascripts

format: $(STAMP)
	$(BIN)/ruff format hooks tests bench .ci

clean:
	rm -rf site .pytest_cache

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/zoekkwaliteit.py

# Search quality: a table of queries people type, what a good answer is, and how the finder does.
zoekkwaliteit: $(STAMP)
	$(BIN)/python bench/zoekkwaliteit.py

# Coordinators' workflow (issue 6): stale offers, an offer from an issue form, a new offer.
verouderd: $(STAMP)
	@PYTHONPATH=hooks $(BIN)/python -m sportwijzer verouderd

# Values given on the command line (ISSUE, SLUG, TITEL, ..., LINK, BRON) reach Python as
# environment variables, exactly as typed: no recipe holds $(SLUG) or the like, so the shell never
# reads a value (a ` or $(...) in a title runs nothing), and $(value ...) keeps make from expanding
# one. Python reads each from the environment when its option is absent (tools/cli.py, _given).
aanbod-uit-issue evenement-uit-issue: override export ISSUE := $(value ISSUE)
aanbod-uit-issue evenement-uit-issue nieuw-aanbod nieuw-evenement nieuw-partner: \
	override export SLUG := $(value SLUG)
nieuw-aanbod nieuw-evenement: override export TITEL := $(value TITEL)
nieuw-aanbod nieuw-evenement nieuw-partner: override export GEMEENTE := $(value GEMEENTE)
nieuw-aanbod: override export SPORT := $(value SPORT)
nieuw-aanbod: override export AANBIEDER := $(value AANBIEDER)
nieuw-evenement nieuw-partner: override export SOORT := $(value SOORT)
nieuw-partner: override export NAAM := $(value NAAM)
nieuw-evenement: override export ORGANISATOR := $(value ORGANISATOR)
nieuw-evenement: override export DATUM := $(value DATUM)
verouderd-issue: override export LINK := $(value LINK)
vraag-telling: override export BRON := $(value BRON)

# The body of the weekly issue "Aanbod nakijken", empty when nothing is stale. LINK: where the
# files are on GitHub, like https://github.com/org/repo/blob/main
verouderd-issue: $(STAMP)
	@PYTHONPATH=hooks $(BIN)/python -m sportwijzer verouderd --issue

aanbod-uit-issue: $(STAMP)
	@PYTHONPATH=hooks $(BIN)/python -m sportwijzer aanbod-uit-issue

evenement-uit-issue: $(STAMP)
	@PYTHONPATH=hooks $(BIN)/python -m sportwijzer evenement-uit-issue

# Without values, the questions are asked on the screen. 'env' instead of 'PYTHONPATH=hooks …':
# then make starts Python without a shell, and Ctrl-C while a question is asked ends with the
# one Dutch line only (dash, as sh, ends itself by the signal and make adds '*** Interrupt').
nieuw-aanbod: $(STAMP)
	@env PYTHONPATH=hooks $(BIN)/python -m sportwijzer nieuw-aanbod

nieuw-evenement: $(STAMP)
	@env PYTHONPATH=hooks $(BIN)/python -m sportwijzer nieuw-evenement

nieuw-partner: $(STAMP)
	@env PYTHONPATH=hooks $(BIN)/python -m sportwijzer nieuw-partner

# The desk's register stays outside git; only its protected counts are written.
vraag-telling: $(STAMP)
	@PYTHONPATH=hooks $(BIN)/python -m sportwijzer vraag-telling
