# OurVoice — build, run and test the kiosk firmware.
# `make run` and `make test` install what is missing (apt-get), build, and go.
# Sources: every firmware/*.c is built into one static library; firmware/main.c
# adds the command line. Each tests/test_*.c is one cmocka test program.

# `make` alone builds the program (the included toolchain files define targets too).
.DEFAULT_GOAL := all

# Cross builds and extra test targets (make CROSS=arm64, test-gpio, ...) live in toolchain/*.mk.
-include $(wildcard toolchain/*.mk)

BUILD    ?= build
CC       ?= cc
PKG_CONFIG ?= pkg-config
PKGS     := sdl2 SDL2_ttf SDL2_image espeak-ng libgpiod sqlite3 inih
TEST_PKGS := cmocka

GPIOD_MAJOR := $(shell $(PKG_CONFIG) --modversion libgpiod 2>/dev/null | cut -d. -f1)
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wno-unused-parameter -Wno-format-truncation \
            -Ifirmware -DOV_GPIOD_API=$(or $(GPIOD_MAJOR),1) \
            $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
LDLIBS   += $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lpthread -lm
TEST_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS) 2>/dev/null) -Itests/support
TEST_LIBS   := $(shell $(PKG_CONFIG) --libs $(TEST_PKGS) 2>/dev/null)

LIB_SRC  := $(filter-out firmware/main.c,$(wildcard firmware/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
SUPPORT_SRC := $(wildcard tests/support/*.c)
SUPPORT_OBJ := $(SUPPORT_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
HELPER_SRC := $(wildcard tests/helpers/*.c)
HELPER_BIN := $(HELPER_SRC:tests/helpers/%.c=$(BUILD)/tests/%)

.PHONY: all deps run test bench clean check-content golden test-gpio test-arm64 test-trixie deb
# Keep object files of test programs between runs.
.SECONDARY:

all: $(BUILD)/ourvoice

# Install missing Debian packages once per build folder (apt-get, via sudo when not root).
$(BUILD)/.deps-ok: toolchain/install-deps.sh
	@mkdir -p $(BUILD)
	@sh toolchain/install-deps.sh
	@touch $@
deps: $(BUILD)/.deps-ok

$(BUILD)/obj/%.o: %.c $(wildcard firmware/*.h) | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(TEST_CFLAGS) -MMD -c $< -o $@

$(BUILD)/libourvoice.a: $(LIB_OBJ)
	rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/ourvoice: $(BUILD)/obj/firmware/main.o $(BUILD)/libourvoice.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/%.o $(SUPPORT_OBJ) $(BUILD)/libourvoice.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(TEST_LIBS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/helpers/%.o $(BUILD)/libourvoice.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

run: $(BUILD)/ourvoice
	$(BUILD)/ourvoice kiosk

test: $(BUILD)/ourvoice $(TEST_BIN) $(HELPER_BIN)
	@sh tests/run-tests.sh $(BUILD)

bench: $(BUILD)/ourvoice $(HELPER_BIN)
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
