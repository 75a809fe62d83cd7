# toolchain/build-checks.mk — checks of the build and of memory use:
#   make test-build     CFLAGS=..., CC=clang, header and flag dependencies, -j2 (toolchain/test-build.sh)
#   make test-sanitize  every test program built by clang with -fsanitize=address,undefined in $(SAN_BUILD),
#                       and run (the other compiler's test run: test-build only builds with clang)
.PHONY: test-build test-sanitize test-programs
SAN_BUILD ?= build-san
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

test-build:
	@sh toolchain/test-build.sh

test-sanitize:
	@OV_EXTRA_PKGS="clang libclang-rt-dev" sh toolchain/install-deps.sh
	@$(MAKE) --no-print-directory BUILD=$(SAN_BUILD) CC=clang CFLAGS="-O1 -g $(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" \
	    all test-programs
	@OV_TEST_JOBS=$${OV_TEST_JOBS:-$$(nproc)} ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:exitcode=86 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    sh tests/run-tests.sh $(SAN_BUILD)
