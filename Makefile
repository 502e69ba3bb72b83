# CareForge: `make demo` sets up and runs the product on its embedded defaults; `make test` runs every test.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup demo test unit integration lint llm stop bench clean browser postgres ui

$(BIN)/careforge: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]' -c .ci/constraints-cpu.txt  # CPU torch; any torch>=2.4,<3 works
	touch $@

setup: $(BIN)/careforge

llm: setup  ## start the embedded vLLM server unless an external endpoint is configured
	@if [ -z "$$CAREFORGE_MODEL_BASE_URL" ]; then $(BIN)/careforge llm serve; else echo "Using $$CAREFORGE_MODEL_BASE_URL"; fi

demo: llm
	$(BIN)/careforge ingest demo
	$(BIN)/careforge doctor
	$(BIN)/careforge ask --persona nurse "Patient on Coumadin asks whether Advil is fine for knee pain."
	$(BIN)/careforge ask --persona patient "I take Zocor and my doctor prescribed clarithromycin. Is that ok?"
	$(BIN)/careforge ask --persona patient "I have crushing chest pain and I take nitroglycerin and Viagra"
	$(BIN)/careforge ask --persona technician "Ventilator shows a high pressure alarm after a filter change, what fixed this before?"
	$(BIN)/careforge ask --persona nurse --image samples/dicom/RG1_J2KI.dcm "Is there a pneumothorax?"
	@echo "Chat with: $(BIN)/careforge chat --persona nurse   |   Browser UI: make ui"

browser:  ## Debian's Chromium and ChromeDriver for the real-browser UI test (no browser downloads)
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { $$(command -v sudo) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$(command -v sudo) apt-get install -y -qq --no-install-recommends chromium chromium-driver; }

postgres:  ## Debian's PostgreSQL server binaries (initdb, pg_ctl) for the two-instance test; no service is started
	@command -v initdb >/dev/null && command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  { $$(command -v sudo) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$(command -v sudo) apt-get install -y -qq --no-install-recommends postgresql; }

ui: setup  ## the Streamlit front end on http://localhost:8501 (embedded model unless CAREFORGE_MODEL_BASE_URL is set)
	$(BIN)/streamlit run ui/app.py --browser.gatherUsageStats false --server.address 127.0.0.1 --client.toolbarMode minimal

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check core app agent safety tools retrieval model_server ui careforge_http
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest tests/unit tests/ui -q

integration: llm browser postgres
	$(BIN)/pytest tests/integration -q

test: setup lint browser postgres llm
	$(BIN)/pytest -q

stop:
	$(BIN)/careforge llm stop

bench: setup  ## all benchmarks, or some: make bench NAMES="agent serving"
	$(BIN)/python -m bench $(NAMES)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
