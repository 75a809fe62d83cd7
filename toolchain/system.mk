# toolchain/system.mk — `make test-system`: the appliance (this checkout's
# .deb + board/rpi/install.sh on Debian bookworm) booted under qemu and driven
# from outside: first boot, visits by touch and keys, watchdog, no GL, a late
# display driver, power cuts. See toolchain/system/run.sh and docs/install.md.
.PHONY: test-system
test-system:
	@sh toolchain/system/run.sh $(BUILD)
