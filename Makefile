# The two ways in, for people and CI alike (see README):
#   make site   build the site into _build/html
#   make test   run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

# Debian packages the tests drive, as command:package — faketime (builds on other
# days), chromium (browser tests), java (the W3C HTML validator), epubcheck (the e-book).
SYSTEM_PACKAGES := faketime:faketime chromium:chromium java:default-jre-headless epubcheck:epubcheck

.PHONY: site epub test lint clean system-packages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

site: $(VENV)/.installed
	$(BIN)/python -m blogarchive.build -j auto . _build/html

# The archive as an e-book (_build/epub/chrismillsblog.epub); the next `make site`
# offers it on the All posts page.
epub: $(VENV)/.installed
	$(BIN)/python -m sphinx -b epub -W -q -j auto . _build/epub -d _build/epub.doctrees

system-packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do command -v $${p%%:*} >/dev/null || missing="$$missing $${p#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "please install the Debian packages:$$missing"; exit 1; fi; \
	fi

test: $(VENV)/.installed system-packages lint
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks conf.py
	$(BIN)/ruff format --check src tests benchmarks conf.py

clean:
	rm -rf _build
