# toolchain/board.mk — `make test-board`: checks the Raspberry Pi set-up in
# board/rpi without a Pi: shell syntax, the systemd unit (systemd-analyze
# verify, on this machine and on trixie), the udev rule (udevadm verify), the
# Debian package, and install.sh / uninstall.sh run for real inside a
# throwaway copy of the cached trixie root (toolchain/trixie.sh).
.PHONY: test-board
test-board:
	@sh toolchain/test-board.sh
