# toolchain/deb.mk — `make deb`: Debian packages of the kiosk, built with
# dpkg-deb by toolchain/make-deb.sh (no debhelper).
#   make deb                      this machine's architecture and arm64 (the Pi)
#   make deb DEB_ARCHES=arm64     only one
# Output: <build folder>/deb/ourvoice_<version>_<arch>.deb (build/ for this
# machine, build-arm64/ for arm64), checked with lintian when it is installed.
# A package needs the libraries of the Debian release it was built on
# (bookworm or trixie); build trixie packages inside the trixie root:
#   sh toolchain/trixie.sh run make deb DEB_ARCHES=amd64
DEB_HOST_ARCH_OV := $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
DEB_ARCHES ?= $(sort $(DEB_HOST_ARCH_OV) arm64)

deb:
	@for a in $(DEB_ARCHES); do \
	    if [ "$$a" = "$(DEB_HOST_ARCH_OV)" ]; then b="$(BUILD)"; else b="$(or $(ARM64_BUILD),build-$$a)"; fi; \
	    sh toolchain/make-deb.sh "$$a" "$$b" || exit 1; \
	done
