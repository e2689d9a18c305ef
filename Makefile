# One entry point for readers, students, instructors and CI. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Tools run from the environment; nbgrader and the kernels also need it first on PATH.
export PATH := $(abspath $(BIN)):$(PATH)
export PYTHONWARNINGS := ignore::DeprecationWarning
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS := 0

CHAPTERS := $(sort $(notdir $(wildcard solutions/[0-9][0-9]-*)))
CHAPTER ?= $(firstword $(CHAPTERS))
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: help setup book test release bench notebook instructor-solutions translations \
        add-student collect zip-collect autograde feedback grades formgrader clean \
        report check-engine bench-grading similarity bench-similarity test-fast lint

# Grading (make autograde): ENGINE=engine (default: parallel, warm, sandboxed) or ENGINE=nbgrader (the
# reference); WORKERS=N local workers (default: the number of cores); SCHEDULER=tcp://host:8786 sends the
# work to a dask.distributed cluster; SANDBOX=0 runs student code unisolated; FORCE=1 regrades unchanged;
# TIMEOUT=seconds per cell (default: Execute.timeout in autograde/nbgrader_config.py).
ENGINE ?= engine
WORKERS ?=
SCHEDULER ?=
SANDBOX ?= 1
FORCE ?=
TIMEOUT ?=

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 24

# -- set-up ----------------------------------------------------------------------------------------
setup: $(STAMP)  ## create .venv and install the pinned dependencies (skipped when up to date)

$(STAMP): requirements.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# --no-compile, then compileall on every core: pip compiles the bytecode one file at a time (40 s of the
	# install on 2 cores). pip skips a file that does not compile (torch ships one in Python 3.12 syntax): so do we.
	$(BIN)/python -m pip install --quiet --no-compile -r requirements.txt -c constraints.txt
	$(BIN)/python -m compileall -q -j 0 $(VENV)/lib > /dev/null || true
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# -- readers ---------------------------------------------------------------------------------------
# Languages of the book besides English (catalogs in locales/<lang>/). `make book` builds English and every
# translation; `make book LANG=zh_CN` only the Chinese book (`LANG=en`: only the English one). LANG is also the
# shell's locale variable: any value that is not a book language means "all"; given a book language, the
# tools run with a real locale (LANG=C.UTF-8), not LANG=zh_CN.
BOOK_LANGUAGES := zh_CN
BOOK_LANG := $(if $(filter en $(BOOK_LANGUAGES),$(LANG)),$(LANG),all)
LOCALE_ENV := $(if $(filter en $(BOOK_LANGUAGES),$(LANG)),LANG=C.UTF-8)

book: setup  ## build the HTML book(s) (executes demo cells) into _build/html (+ _build/html/zh_CN), -W; LANG=zh_CN|en for one
ifneq ($(BOOK_LANG),zh_CN)
	$(LOCALE_ENV) $(BIN)/jupyter-book build . -W -n --keep-going
	@echo "Open _build/html/index.html"
endif
ifneq ($(BOOK_LANG),en)
	$(LOCALE_ENV) $(BIN)/python -m cnngrade.publishing.translated_book book zh_CN
endif

translations: setup  ## extract the book's messages (_build/gettext/*.pot) and refresh locales/*/LC_MESSAGES/*.po
	$(LOCALE_ENV) $(BIN)/python -m cnngrade.publishing.translated_book translations

.PHONY: book-instructor browser
book-instructor: setup  ## the book built from solutions/ (solutions, hidden tests) into _build/instructor: never publish it
	$(BIN)/python -m cnngrade.publishing.book instructor _build/instructor

browser:  ## install Debian's chromium + chromium-driver for tests/integration/test_browser.py (as root; CI does it in .ci/run)
	apt-get update && apt-get install -y chromium chromium-driver fonts-liberation fonts-noto-cjk

# -- students --------------------------------------------------------------------------------------
notebook: setup  ## open the chapters in Jupyter
	$(BIN)/jupyter notebook chapters/

.PHONY: check student-edition
check: setup  ## run a notebook as the grader does (visible tests): make check NOTEBOOK=chapters/NN-slug/NN-slug.ipynb
	@test -n "$(NOTEBOOK)" || (echo "usage: make check NOTEBOOK=chapters/NN-slug/NN-slug.ipynb"; exit 2)
	$(BIN)/python -m cnnblocks.selfcheck "$(NOTEBOOK)"

# -- authors ---------------------------------------------------------------------------------------
release: setup  ## regenerate chapters/ from solutions/ with nbgrader generate_assignment (+ chapters/zh_CN/ from the catalogs)
	cd autograde && for ch in $(CHAPTERS); do $(abspath $(BIN))/nbgrader generate_assignment $$ch --force || exit 1; done
	$(BIN)/python -m cnngrade.publishing.catalogs release

student-edition: setup  ## the course without solutions, for students: make student-edition DEST=folder [GIT=1]
	@test -n "$(DEST)" || (echo "usage: make student-edition DEST=folder [GIT=1]"; exit 2)
	$(BIN)/python -m cnngrade student-edition "$(DEST)" $(if $(GIT),--git)

test: setup lint  ## the whole test suite (unit, graded tests proven through the engine, engine vs nbgrader, attacks, sync, book)
	# --dist loadscope keeps each test module on one worker: a module fixture that grades a class runs once;
	# the modules run longest first (tests/conftest.py), not in xdist's order (most tests first).
	# One library thread per process: two test workers already keep both cores busy with notebooks and
	# graders, and one thread per core per process oversubscribes them (measured: 492 s instead of 518 s).
	OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 TF_NUM_INTRAOP_THREADS=1 \
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadscope --no-loadscope-reorder --durations=15 -p no:cacheprovider

test-fast: setup lint  ## unit tests and the integration tests not marked slow (about a minute on 2 cores)
	OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 TF_NUM_INTRAOP_THREADS=1 \
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) -m "not slow" -q -p no:cacheprovider tests/unit tests/integration

lint: setup  ## ruff over the code (configuration and the files left out: pyproject.toml)
	$(BIN)/ruff check src tests _ext

bench: setup  ## time every solution notebook and the book builds (clean, cached, after a prose/code change)
	$(BIN)/python -m cnngrade bench

# -- instructors (CHAPTER=NN-slug, default the first chapter) --------------------------------------
instructor-solutions: setup  ## executed solution notebooks, with outputs, in autograde/work/instructor-solutions
	mkdir -p autograde/work/instructor-solutions
	for ch in $(CHAPTERS); do $(BIN)/jupyter nbconvert --to notebook --execute \
	  --ExecutePreprocessor.timeout=600 \
	  --output-dir autograde/work/instructor-solutions solutions/$$ch/$$ch.ipynb || exit 1; done

add-student: setup  ## add a student: make add-student STUDENT=jdoe42 [FIRST=Jane LAST=Doe EMAIL=...]
	@test -n "$(STUDENT)" || (echo "usage: make add-student STUDENT=id [FIRST=.. LAST=.. EMAIL=..]"; exit 2)
	cd autograde && nbgrader db student add "$(STUDENT)" --first-name="$(FIRST)" --last-name="$(LAST)" --email="$(EMAIL)"

collect: setup  ## copy SUBMISSIONS=folder/<student>/<chapter>/<chapter>.ipynb into the work area (regular files only)
	@test -d "$(SUBMISSIONS)" || (echo "usage: make collect SUBMISSIONS=folder"; exit 2)
	$(BIN)/python -m cnngrade collect "$(SUBMISSIONS)"

zip-collect: setup  ## collect LMS downloads from autograde/work/downloaded/$(CHAPTER)/archive
	cd autograde && nbgrader zip_collect $(CHAPTER) --force

autograde: setup  ## grade every collected submission of CHAPTER (ENGINE, WORKERS, SCHEDULER, SANDBOX, FORCE)
	cd autograde && nbgrader generate_assignment $(CHAPTER) --force >/dev/null
ifeq ($(ENGINE),nbgrader)
	cd autograde && nbgrader autograde $(CHAPTER) --force $(if $(TIMEOUT),--Execute.timeout=$(TIMEOUT))
else
	cd autograde && CNNGRADE_SANDBOX=$(SANDBOX) $(abspath $(BIN))/python -m cnngrade autograde $(CHAPTER) \
	  $(if $(FORCE),--force) $(if $(WORKERS),--workers $(WORKERS)) $(if $(SCHEDULER),--scheduler $(SCHEDULER)) \
	  $(if $(TIMEOUT),--timeout $(TIMEOUT))
endif

report: setup  ## class report of CHAPTER: pass rate per test cell, common failures, histogram (HTML + CSV)
	$(BIN)/python -m cnngrade report $(CHAPTER)

similarity: setup  ## which submissions of CHAPTER share the code students wrote (HTML + CSV next to make report's)
	$(BIN)/python -m cnngrade similarity $(CHAPTER)

bench-similarity: setup  ## synthetic classes with planted copies: precision/recall vs copydetect, time for 300 submissions
	$(BIN)/python -m cnngrade bench-similarity

check-engine: setup  ## grade every chapter's proof class with nbgrader and with the engine; compare per cell
	$(BIN)/python -m cnngrade check-engine

bench-grading: setup  ## synthetic class of CHAPTER: nbgrader vs engine throughput and grade equality
	$(BIN)/python -m cnngrade bench-grading $(CHAPTER)

feedback: setup  ## HTML feedback per student in autograde/work/feedback/<student>/$(CHAPTER)/
	cd autograde && nbgrader generate_feedback $(CHAPTER) --force

grades: setup  ## export every grade to autograde/work/grades.csv
	cd autograde && nbgrader export --to=work/grades.csv

formgrader: setup  ## manual grading (e.g. written answers) in the browser: Formgrader tab
	cd autograde && $(abspath $(BIN))/jupyter notebook --ServerApp.root_dir=.

clean:  ## remove build products and the grading work area (keeps .venv)
	rm -rf _build autograde/work .pytest_cache
