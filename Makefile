# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make run    create .venv, install the pinned dependencies, open the window
#   make test   same venv, run the whole test suite offscreen
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test translations screenshot clean

# (Re)create the venv unless it works: a first try without python3.11-venv leaves one without pip.
$(VENV)/.installed: requirements.txt
	$(PY) -m pip --version >/dev/null 2>&1 || $(PYTHON) -m venv --clear $(VENV) || python3 -m venv --clear $(VENV)
	$(PY) -m pip install -r requirements.txt
	touch $@

run: $(VENV)/.installed
	$(PY) main.py

test: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

translations: $(VENV)/.installed
	$(PY) scripts/i18n.py update
	$(PY) scripts/i18n.py release

screenshot: $(VENV)/.installed
	$(PY) main.py --screenshot screenshot.png

clean:
	rm -rf $(VENV) .pytest_cache
