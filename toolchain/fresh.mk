# toolchain/fresh.mk — `make test-fresh`: the README's `make test` and
# `make run` on fresh Debian bookworm and trixie roots (toolchain/test-fresh.sh).
.PHONY: test-fresh
test-fresh:
	@sh toolchain/test-fresh.sh
