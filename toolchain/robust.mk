# toolchain/robust.mk — `make test-robust`: the scripts in tests/robust/ (full
# data partition, ...) against the build folder (toolchain/test-robust.sh).
# Included before BUILD is set: $(BUILD) is used only inside the recipe.
.PHONY: test-robust
test-robust:
	@$(MAKE) --no-print-directory all test-programs
	@sh toolchain/test-robust.sh $(or $(BUILD),build)
