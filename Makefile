# OurVoice — build, run and test the kiosk firmware.
# `make run` and `make test` install what is missing (apt-get), build, and go.
#
# The layers of firmware/ (see firmware/README.md) are separate libraries:
#   libourvoice-core.a      base/ model/ ui/  — compiled WITHOUT any pkg-config
#                                              flags; the pure tests link it alone
#   libourvoice-platform.a  platform/         — SDL, espeak-ng, libgpiod, SQLite, inih
#   libourvoice-app.a       app/ (less main*.c) — the commands and the kiosk loop
# Two programs (README.md, "Two programs"): $(BUILD)/ourvoice (app/main.c) links
# only espeak-ng, SQLite and inih ($(FRONT_PKGS)) and runs say, results, merge and
# set-pin itself; $(BUILD)/ourvoice-kiosk (app/main_kiosk.c) links everything and
# runs kiosk, check-content and export, which `ourvoice` hands to it (execv).
# Building $(BUILD)/ourvoice always brings $(BUILD)/ourvoice-kiosk up to date too.
# `make check-layers` fails when a file breaks the layer rule; `make check-style`
# when a function of firmware/ is over 60 lines or a line over 110 columns.
#
# pkg-config runs only inside recipes, after toolchain/install-deps.sh has
# installed what is missing, so the very first `make test` on a fresh machine
# works. The flags in use are kept in $(BUILD)/flags/*.txt: changing CFLAGS,
# CC or a library's flags rebuilds what they compile.

# `make` alone builds the program (the included toolchain files define targets too).
.DEFAULT_GOAL := all

# Cross builds and extra test targets (make CROSS=arm64, test-gpio, ...) live in toolchain/*.mk.
-include $(wildcard toolchain/*.mk)

BUILD    ?= build
PKG_CONFIG ?= pkg-config
PKGS     := sdl2 SDL2_ttf SDL2_image espeak-ng libgpiod sqlite3 inih
# What the small `ourvoice` links: a command of main.c that needs anything else
# (an SDL module of platform/) fails to link.
FRONT_PKGS := espeak-ng sqlite3 inih
TEST_PKGS := cmocka

CFLAGS   ?= -O2 -g
# Flags every file needs whatever CFLAGS says (so `make CFLAGS="-O1 -g"` works).
OV_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -Ifirmware \
             -Wall -Wextra -Wshadow -Wno-unused-parameter -Wno-format-truncation
# Deferred (=): expanded when a recipe runs, never when the Makefile is read.
GPIOD_MAJOR = $(shell $(PKG_CONFIG) --modversion libgpiod 2>/dev/null | cut -d. -f1)
PLATFORM_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS)) -DOV_GPIOD_API=$(or $(GPIOD_MAJOR),1)
PLATFORM_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lpthread -lm
FRONT_LIBS = $(shell $(PKG_CONFIG) --libs $(FRONT_PKGS)) -lpthread -lm
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS)) -Itests/support
TEST_LIBS = $(shell $(PKG_CONFIG) --libs $(TEST_PKGS))

CORE_SRC := $(wildcard firmware/base/*.c firmware/model/*.c firmware/ui/*.c)
PLATFORM_SRC := $(wildcard firmware/platform/*.c)
MAIN_SRC := firmware/app/main.c firmware/app/main_kiosk.c
APP_SRC  := $(filter-out $(MAIN_SRC),$(wildcard firmware/app/*.c))
obj = $(1:%.c=$(BUILD)/obj/%.o)
CORE_LIB := $(BUILD)/libourvoice-core.a
PLATFORM_LIB := $(BUILD)/libourvoice-platform.a
APP_LIB  := $(BUILD)/libourvoice-app.a
ALL_LIBS := $(APP_LIB) $(PLATFORM_LIB) $(CORE_LIB)

# A pure test uses only base/, model/ and ui/: it links the core library alone.
TEST_SRC := $(wildcard tests/test_*.c)
PURE_TEST_SRC := $(shell grep -L -E '\#include ("(platform|app)/|"kiosk_runner|"kiosk_sound|<SDL)' $(TEST_SRC))
PURE_TEST_BIN := $(PURE_TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
SYSTEM_TEST_BIN := $(filter-out $(PURE_TEST_BIN),$(TEST_BIN))
SUPPORT_OBJ := $(call obj,$(wildcard tests/support/*.c))
HELPER_SRC := $(wildcard tests/helpers/*.c)
HELPER_BIN := $(HELPER_SRC:tests/helpers/%.c=$(BUILD)/tests/%)

.PHONY: all deps run test bench clean check-content check-layers check-style golden test-gpio test-arm64 test-trixie deb FORCE
# Keep object files of test programs between runs.
.SECONDARY:

all: $(BUILD)/ourvoice $(BUILD)/ourvoice-kiosk

# Install missing Debian packages once per build folder (apt-get, via sudo when not root).
$(BUILD)/.deps-ok: toolchain/install-deps.sh
	@mkdir -p $(BUILD)
	@sh toolchain/install-deps.sh
	@touch $@
deps: $(BUILD)/.deps-ok

# The compile and link lines of each kind of file, kept so a change rebuilds.
COMPILE_core = $(CC) $(OV_CFLAGS) $(CFLAGS) $(CPPFLAGS)
COMPILE_platform = $(COMPILE_core) $(PLATFORM_CFLAGS)
COMPILE_puretest = $(COMPILE_core) $(TEST_CFLAGS)
COMPILE_test = $(COMPILE_platform) $(TEST_CFLAGS)
FLAGS_core = $(COMPILE_core)
FLAGS_platform = $(COMPILE_platform)
FLAGS_puretest = $(COMPILE_puretest)
FLAGS_test = $(COMPILE_test)
FLAGS_link = $(CC) $(LDFLAGS) $(PLATFORM_LIBS) $(FRONT_LIBS) $(TEST_LIBS)
FLAG_FILES := $(foreach k,core platform puretest test link,$(BUILD)/flags/$(k).txt)
$(FLAG_FILES): $(BUILD)/flags/%.txt: FORCE | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(FLAGS_$*)' > $@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi

$(BUILD)/obj/firmware/platform/%.o: firmware/platform/%.c $(BUILD)/flags/platform.txt | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(COMPILE_platform) -MMD -MP -c $< -o $@

$(BUILD)/obj/firmware/%.o: firmware/%.c $(BUILD)/flags/core.txt | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(COMPILE_core) -MMD -MP -c $< -o $@

$(PURE_TEST_SRC:%.c=$(BUILD)/obj/%.o): $(BUILD)/obj/tests/%.o: tests/%.c $(BUILD)/flags/puretest.txt | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(COMPILE_puretest) -MMD -MP -c $< -o $@

$(BUILD)/obj/tests/%.o: tests/%.c $(BUILD)/flags/test.txt | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(COMPILE_test) -MMD -MP -c $< -o $@

$(CORE_LIB): $(call obj,$(CORE_SRC))
	rm -f $@ && $(AR) rcs $@ $^
$(PLATFORM_LIB): $(call obj,$(PLATFORM_SRC))
	rm -f $@ && $(AR) rcs $@ $^
$(APP_LIB): $(call obj,$(APP_SRC))
	rm -f $@ && $(AR) rcs $@ $^

# Order-only: every recipe that runs $(BUILD)/ourvoice (tests, make run, make deb)
# gets the kiosk program it hands the kiosk to, without relinking the front.
$(BUILD)/ourvoice: $(BUILD)/obj/firmware/app/main.o $(ALL_LIBS) $(BUILD)/flags/link.txt | $(BUILD)/ourvoice-kiosk
	$(CC) $(LDFLAGS) -o $@ $< $(ALL_LIBS) $(FRONT_LIBS)

$(BUILD)/ourvoice-kiosk: $(BUILD)/obj/firmware/app/main_kiosk.o $(ALL_LIBS) $(BUILD)/flags/link.txt
	$(CC) $(LDFLAGS) -o $@ $< $(ALL_LIBS) $(PLATFORM_LIBS)

$(PURE_TEST_BIN): $(BUILD)/tests/%: $(BUILD)/obj/tests/%.o $(BUILD)/obj/tests/support/test_content_fixture.o \
                  $(CORE_LIB) $(BUILD)/flags/link.txt
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o %.a,$^) $(TEST_LIBS) -lm

$(SYSTEM_TEST_BIN): $(BUILD)/tests/%: $(BUILD)/obj/tests/%.o $(SUPPORT_OBJ) $(ALL_LIBS) $(BUILD)/flags/link.txt
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(ALL_LIBS) $(PLATFORM_LIBS) $(TEST_LIBS)

$(HELPER_BIN): $(BUILD)/tests/%: $(BUILD)/obj/tests/helpers/%.o $(ALL_LIBS) $(BUILD)/flags/link.txt
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< $(ALL_LIBS) $(PLATFORM_LIBS)

run: $(BUILD)/ourvoice
	@sh toolchain/run-kiosk.sh $(BUILD)/ourvoice

check-layers:
	@sh toolchain/check-layers.sh

check-style:
	@sh toolchain/check-style.sh firmware/

# Every test program and helper, built but not run.
test-programs: $(BUILD)/ourvoice $(TEST_BIN) $(HELPER_BIN)

test: check-layers check-style $(BUILD)/ourvoice $(TEST_BIN) $(HELPER_BIN)
	@sh tests/run-tests.sh $(BUILD)

# Bench programs (tests/bench/*.c) link like the helpers.
BENCH_BIN := $(patsubst tests/bench/%.c,$(BUILD)/tests/bench/%,$(wildcard tests/bench/*.c))
$(BUILD)/obj/tests/bench/%.o: tests/bench/%.c $(BUILD)/flags/platform.txt | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(COMPILE_platform) -MMD -MP -c $< -o $@
$(BENCH_BIN): $(BUILD)/tests/bench/%: $(BUILD)/obj/tests/bench/%.o $(ALL_LIBS) $(BUILD)/flags/link.txt
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< $(ALL_LIBS) $(PLATFORM_LIBS)

bench: $(BUILD)/ourvoice $(HELPER_BIN) $(BENCH_BIN)
	@sh tests/bench.sh $(BUILD)

# Regenerate the golden screenshots (tests/golden/) and the README's pictures
# (docs/screens/) after a deliberate change to how screens look.
golden: $(BUILD)/ourvoice
	@sh tests/golden.sh $(BUILD) --update

check-content: $(BUILD)/ourvoice
	$(BUILD)/ourvoice check-content assets/content/en

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
