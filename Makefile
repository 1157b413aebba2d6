# Two commands: `make demo` builds the seed corpus into exports/; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench bench-scaling serve system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# The build time recorded in the graph is the seed corpus's last commit, so that rebuilding
# unchanged seeds with unchanged code gives byte-identical exports (reproducible builds).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct -- seeds 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

demo: $(STAMP)
	$(BIN)/kg build seeds --out exports
	@echo "Exports are in $(CURDIR)/exports: kg.ttl (merged), kg.trig (one graph per source), kg.jsonld, network.graphml/.gexf, maps/index.html"

# Every dev set built and scored, one row per source: the seeds against $(GOLD), and $(GOLD_WEB)
# (texts with their gold beside them) against itself. Builds go to $(EVAL_OUT), not exports/.
# Each set's scores are saved as $(EVAL_OUT)/SET.json; the previous run's (SET.before.json) are
# the baseline whose changes per source the table shows.
GOLD ?= ../shared/gold
GOLD_WEB ?= ../shared/gold-web
EVAL_OUT ?= .eval
score = test ! -f $(EVAL_OUT)/$(2).json || mv $(EVAL_OUT)/$(2).json $(EVAL_OUT)/$(2).before.json; \
	$(BIN)/kg eval --gold $(1) --graph $(EVAL_OUT)/$(2)/kg.ttl --save $(EVAL_OUT)/$(2).json \
	$$(test ! -f $(EVAL_OUT)/$(2).before.json || echo --baseline $(EVAL_OUT)/$(2).before.json)
eval: $(STAMP)
	$(BIN)/kg build seeds --out $(EVAL_OUT)/seeds
	$(BIN)/kg build $(GOLD_WEB) --out $(EVAL_OUT)/web
	@echo "== seeds against $(GOLD)"
	@$(call score,$(GOLD),seeds)
	@echo "== $(GOLD_WEB) against itself"
	@$(call score,$(GOLD_WEB),web)

# Real tools the tests check our output against, installed when missing (Debian): Apache Jena RIOT
# reads the exports, headless Chromium (with ChromeDriver) opens the HTML maps, Virtuoso is a real
# SPARQL store for `kg push`; Tesseract with Dutch reads scanned PDFs (`kg build --ocr`). The PDF tests
# typeset magazines in Liberation Sans Narrow.
DEBIAN_TOOLS := /usr/share/java/jena-core.jar:libapache-jena-java /usr/bin/chromium:chromium \
	/usr/bin/chromedriver:chromium-driver /usr/bin/virtuoso-t:virtuoso-opensource \
	/usr/bin/tesseract:tesseract-ocr /usr/share/tesseract-ocr/5/tessdata/nld.traineddata:tesseract-ocr-nld \
	/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf:fonts-liberation
system-deps:
	@missing=""; for pair in $(DEBIAN_TOOLS); do [ -e "$${pair%%:*}" ] || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing$$missing"; apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing Debian packages:$$missing (sudo apt-get install$$missing)" >&2; fi; \
	fi

test: $(STAMP) system-deps
	$(BIN)/pytest -q

# Benchmarks print tables; none asserts a time. bench-scaling builds 1x, 10x and 100x the seeds (~30 min, 17 GB).
bench: $(STAMP) system-deps
	$(BIN)/python benchmarks/map_rendering.py
	$(BIN)/python benchmarks/sparql_engines.py
	$(BIN)/python benchmarks/endpoint_load.py

bench-scaling: $(STAMP)
	$(BIN)/python benchmarks/build_scaling.py

# The seed graph as a read-only SPARQL endpoint, with its maps: http://127.0.0.1:7878/
serve: $(STAMP)
	$(BIN)/kg serve --graph exports/kg.trig

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis $(EVAL_OUT)
