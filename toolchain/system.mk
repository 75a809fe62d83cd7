# toolchain/system.mk — `make test-system`: the appliance (this checkout's
# .deb + board/rpi/install.sh on Debian bookworm) booted under qemu and driven
# from outside: first boot, visits by touch and keys, watchdog, no GL, a late
# display driver, power cuts. See toolchain/system/run.sh and docs/install.md.
# `make test-system-ci`: the quick mode for CI (OV_SYSTEM_QUICK=1): one boot
# for a, b, c, f, g and 2 power cuts.
.PHONY: test-system test-system-ci
test-system:
	@sh toolchain/system/run.sh $(BUILD)
test-system-ci:
	@OV_SYSTEM_QUICK=1 sh toolchain/system/run.sh $(BUILD)
