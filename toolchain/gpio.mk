# toolchain/gpio.mk — `make test-gpio`: the GPIO code against a real kernel
# GPIO chip (gpio-sim in a qemu VM), with libgpiod 1.x and 2.x. See
# toolchain/gpio-sim/run.sh. Included at the top of the Makefile, before
# BUILD is set: $(BUILD) is only used inside the recipe (expanded late), and
# this file defines no variables of its own.
test-gpio:
	@sh toolchain/gpio-sim/run.sh $(BUILD)
