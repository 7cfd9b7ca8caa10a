# Écart — the two commands of README.md, and the targets they use.
#   make run     install what is missing, build, open the demo workshop
#   make check   install what is missing, build, run the whole test suite
# Works on a fresh Debian 12 machine, as root or with sudo.

BUILD      ?= build
ASAN_BUILD ?= build-asan
MESON_OPTS ?=
PYTHON     := /usr/bin/python3
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Exactly what the build, the application and the tests need.
DEBIAN_PACKAGES := \
	gcc libc6-dev pkg-config meson ninja-build gettext \
	libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin \
	libgtk-4-dev libgtk-4-bin libadwaita-1-dev \
	libsqlite3-dev sqlite3 libcairo2-dev libpango1.0-dev libgsl-dev nettle-dev \
	desktop-file-utils appstream libxml2-utils shared-mime-info \
	adwaita-icon-theme hicolor-icon-theme fonts-cantarell fonts-dejavu-core \
	xvfb xauth dbus x11-utils at-spi2-core xdotool imagemagick \
	python3 python3-gi gir1.2-atspi-2.0 python3-pyatspi python3-scipy python3-matplotlib \
	poppler-utils librsvg2-bin locales \
	clang libclang-rt-14-dev time valgrind

.PHONY: all deps build run check check-valgrind test asan clean

all: build

deps:
	@missing=""; \
	for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@if ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$$'; then \
	  echo "Generating the fr_FR.UTF-8 locale (for the locale-independence tests)"; \
	  $(SUDO) sed -i 's/^# *fr_FR.UTF-8 UTF-8/fr_FR.UTF-8 UTF-8/' /etc/locale.gen && $(SUDO) locale-gen >/dev/null; \
	fi

$(BUILD)/build.ninja:
	meson setup $(BUILD) $(MESON_OPTS)

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

run: build
	@if [ -n "$$DISPLAY" ] || [ -n "$$WAYLAND_DISPLAY" ]; then \
	  $(BUILD)/app/gui/ecart-uninstalled --demo; \
	else \
	  echo "No display found: writing the demo workspace with ecart-cli instead."; \
	  rm -f $(BUILD)/demo.ecart; \
	  $(BUILD)/app/cli/ecart-cli demo $(BUILD)/demo.ecart && $(BUILD)/app/cli/ecart-cli info $(BUILD)/demo.ecart; \
	fi

# The whole suite, then the core and command-line tests again under ASan + UBSan, and the
# fastest core tests under valgrind memcheck (`make check-valgrind` runs every core test so).
VALGRIND_TESTS := stats csv-reader chart-layout database workspace
check: build
	@status=0; \
	meson test -C $(BUILD) --print-errorlogs || status=1; \
	if [ ! -f $(ASAN_BUILD)/build.ninja ]; then \
	  meson setup $(ASAN_BUILD) -Db_sanitize=address,undefined -Db_lundef=false -Dgui=false >/dev/null || status=1; \
	fi; \
	meson compile -C $(ASAN_BUILD) >/dev/null && \
	meson test -C $(ASAN_BUILD) --suite core --suite cli --print-errorlogs || status=1; \
	meson test -C $(BUILD) --setup valgrind $(VALGRIND_TESTS) --print-errorlogs || status=1; \
	$(PYTHON) tests/summary.py $(BUILD)/meson-logs/testlog.json $(ASAN_BUILD)/meson-logs/testlog.json \
	  $(BUILD)/meson-logs/testlog-valgrind.json || status=1; \
	exit $$status

check-valgrind: build
	meson test -C $(BUILD) --setup valgrind --suite core --print-errorlogs

test: build
	meson test -C $(BUILD) --print-errorlogs

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)

# The gap engine's speed on workspaces of 100 k, 1 M and 10 M measurements, against the
# sqlite3 shell's plain GROUP BY over the same rows (tests/bench/bench-gaps.py).
.PHONY: bench-gaps
bench-gaps: build
	$(PYTHON) tests/bench/bench-gaps.py $(BUILD)

.PHONY: bench-import fuzz test-crash

# Import speed and memory (docs/performance.md, "Import"): not a test, a measurement.
bench-import: build
	$(PYTHON) tests/bench/bench-import.py --cli $(BUILD)/app/cli/ecart-cli

# R14: the libFuzzer target of the CSV reader, the mapping and the importer, built with clang
# in its own build dir, run for FUZZ_TIME seconds. New inputs go to $(FUZZ_BUILD)/corpus;
# copy the interesting ones to tests/fuzz/corpus (make check replays that folder).
FUZZ_BUILD ?= build-fuzz
FUZZ_TIME  ?= 300
fuzz: deps
	@if [ ! -f $(FUZZ_BUILD)/build.ninja ]; then \
	  CC=clang meson setup $(FUZZ_BUILD) -Dfuzzing=true -Dgui=false -Db_lundef=false; \
	fi
	meson compile -C $(FUZZ_BUILD) tests/fuzz-import
	mkdir -p $(FUZZ_BUILD)/corpus
	$(FUZZ_BUILD)/tests/fuzz-import -max_total_time=$(FUZZ_TIME) -max_len=65536 -timeout=30 \
	  -rss_limit_mb=4096 -artifact_prefix=$(FUZZ_BUILD)/ $(FUZZ_BUILD)/corpus tests/fuzz/corpus

# R1, the long version: kill -9 at 50 random moments of a 1,000,000-measurement import.
test-crash: build
	$(PYTHON) tests/crash-import.py --cli $(BUILD)/app/cli/ecart-cli \
	  --mapping tests/data/import/long.ini --measurements 1000000 --kills 50

# The charts' speed: ecart-cli chart against matplotlib drawing the same chart, and each
# chart's ecart_chart_draw() at 1920 × 1080 (tests/bench/bench-charts.py).
.PHONY: bench-charts
bench-charts: build
	$(PYTHON) tests/bench/bench-charts.py $(BUILD)
