# toolchain/privacy.mk — `make test-privacy`: no history on the card (issue
# 12 point 5), tested on raw ext4 images (1 KiB and 4 KiB blocks, data=journal
# and data=ordered) through loop devices; needs root. See tests/privacy/run.sh.
# Included at the top of the Makefile, before BUILD is set: $(BUILD) is only
# used inside the recipe, and this file defines no variables of its own.
test-privacy:
	@$(MAKE) --no-print-directory $(or $(BUILD),build)/tests/tally_voter
	@sh tests/privacy/run.sh $(or $(BUILD),build)
