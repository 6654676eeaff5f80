# smallpy: one Makefile. `make` builds build/smallpy; `make test` builds and
# runs every test; `make sanitize` runs them under ASan+UBSan; `make debug`
# builds with asserts and reference totals; `make bench` compares with
# python3.11.

CC ?= cc
ifeq ($(origin CC),default)
CC := gcc
endif
BUILD ?= build
OPT ?= -O2
WERROR ?= 0
CFLAGS_BASE := -std=gnu11 -g -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
               -Wshadow=local -Isrc -D_GNU_SOURCE -fvisibility=hidden -MMD -MP
ifeq ($(WERROR),1)
CFLAGS_BASE += -Werror
endif
ifeq ($(findstring clang,$(shell $(CC) --version 2>/dev/null)),clang)
CFLAGS_BASE := $(subst -Wshadow=local,-Wshadow,$(CFLAGS_BASE))
endif
CFLAGS ?= $(OPT)
ALL_CFLAGS := $(CFLAGS_BASE) $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS := -lm

SRCS := $(shell find src -name '*.c' | sort)
OBJS := $(SRCS:src/%.c=$(BUILD)/obj/%.o)
UNIT_SRCS := $(wildcard tests/unit/*.c)

.PHONY: all test sanitize debug bench clean unit demo

all: $(BUILD)/smallpy

$(BUILD)/smallpy: $(OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS) $(EXTRA_LDFLAGS)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# C unit tests: each tests/unit/NAME.c is linked with every object but main.
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)
$(BUILD)/unit/%: tests/unit/%.c $(filter-out $(BUILD)/obj/main.o,$(OBJS))
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS) $(EXTRA_LDFLAGS)

unit: $(UNIT_BINS)

test: $(BUILD)/smallpy $(UNIT_BINS)
	tests/run-all $(BUILD)

# Sanitizers: a separate build tree; free lists off so every object's real
# lifetime is visible.
sanitize:
	$(MAKE) BUILD=build-san OPT=-O1 \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DSP_CFG_FREELISTS=0" \
	  EXTRA_LDFLAGS="-fsanitize=address,undefined" test

debug:
	$(MAKE) BUILD=build-debug OPT=-O0 EXTRA_CFLAGS="-DSP_CFG_DEBUG=1"

# The main job: a tour of the shared-object machinery on a real program.
demo: $(BUILD)/smallpy
	$(BUILD)/smallpy examples/shared_ints.py
	@echo
	@echo "== the same program with ints -5..1000 shared (-X int-cache=-5:1000):"
	$(BUILD)/smallpy -X int-cache=-5:1000 examples/shared_ints.py | head -12
	@echo
	@echo "== a real program (bench/richards.py) with every int request counted (-X int-stats):"
	$(BUILD)/smallpy -X int-stats=$(BUILD)/richards-ints.csv bench/richards.py
	@echo "most requested values (value,requests,served by a shared object):"
	@grep -v '^[#v]' $(BUILD)/richards-ints.csv | sort -t, -k2 -nr | head -8
	@grep '^#' $(BUILD)/richards-ints.csv

bench: $(BUILD)/smallpy
	bench/run $(BUILD)/smallpy

clean:
	rm -rf build build-san build-debug

-include $(OBJS:.o=.d)
