# toolchain/cross.mk — cross builds for 64-bit Raspberry Pi OS and the
# platform test targets. Included by the top Makefile BEFORE it sets
# BUILD, CC and PKG_CONFIG, so the settings below win.
#
#   make CROSS=arm64 [target]   build with Debian's aarch64 cross compiler and
#                               the :arm64 -dev packages (installed on demand)
#   make test-arm64             cross build, run every test under qemu-aarch64
#   make test-trixie            build and test inside a cached Debian trixie root
#   make trixie-shell           a shell in that root (checkout at /src)
#   make test-board             check board/rpi: units, udev rule, install.sh in
#                               a trixie chroot (toolchain/board.mk)
#   make deb [DEB_ARCH=arm64]   Debian package in dist/ (toolchain/deb.mk)

ifeq ($(CROSS),arm64)
BUILD      ?= build-arm64
CC         := aarch64-linux-gnu-gcc
AR         := aarch64-linux-gnu-ar
PKG_CONFIG := aarch64-linux-gnu-pkg-config
# The top Makefile's deps stamp installs the native set; add the arm64 set.
$(BUILD)/.deps-ok: $(BUILD)/.cross-deps-ok
$(BUILD)/.cross-deps-ok: toolchain/install-cross-deps.sh
	@mkdir -p $(BUILD)
	@sh toolchain/install-cross-deps.sh
	@touch $@
else ifneq ($(CROSS),)
$(error CROSS=$(CROSS) is not supported; use CROSS=arm64 or leave CROSS unset)
endif

# qemu-user runs arm64 programs; -L / lets it find /lib/ld-linux-aarch64.so.1
# and the multiarch libraries installed by install-cross-deps.sh.
QEMU_ARM64 ?= qemu-aarch64-static -L /
ARM64_BUILD ?= build-arm64

test-arm64:
	@sh toolchain/test-arm64.sh $(ARM64_BUILD)

test-trixie:
	@sh toolchain/trixie.sh test

trixie-shell:
	@sh toolchain/trixie.sh shell
.PHONY: trixie-shell
