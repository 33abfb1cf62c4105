# redline — build, test, demo, install, bench, fuzz, train.
# `make demo` and `make test` are the whole set-up on a fresh Debian 12 machine:
# missing packages are installed by scripts/install-deps.sh (as root) first.

PREFIX  ?= /usr/local
BUILD   ?= build
CC      ?= cc
SAN     ?=
OPT     ?= -O2
PKGS     = libxml-2.0 libutf8proc zlib sqlite3 jansson yajl libmicrohttpd libpq

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

ifeq ($(SAN),1)
  SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif

CFLAGS  ?= $(OPT) -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -Wall -Wextra -Werror \
             -Iinclude -Isrc $(PKG_CFLAGS) $(SANFLAGS) $(CFLAGS) \
             -DRL_SOURCE_DATA_DIR='"$(CURDIR)/data"' -DRL_INSTALL_DATA_DIR='"$(PREFIX)/share/redline"'
LDLIBS  = $(PKG_LIBS) -lpthread -lm

LIB_SRC  = $(sort $(wildcard src/*.c))
CLI_SRC  = $(sort $(wildcard tools/*.c))
TEST_SRC = $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps build test test-fast test-asan demo install bench fuzz train clean

all: deps
	@$(MAKE) --no-print-directory build

deps:
	@sh scripts/install-deps.sh

build: $(BUILD)/redline $(BUILD)/libredline.a $(TEST_BIN)

# Quiet by default; `make V=1` shows the full commands.
ifeq ($(V),1)
  Q =
  say = @true
else
  Q = @
  say = @printf '  %-6s %s\n'
endif

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libredline.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(say) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/redline: $(CLI_OBJ) $(BUILD)/libredline.a
	$(say) LINK $@
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libredline.a $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h $(BUILD)/libredline.a
	@mkdir -p $(dir $@)
	$(say) TEST $@
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libredline.a $(LDLIBS)

# The suite runs twice: an optimised build, then an AddressSanitizer+UBSan build.
test: deps
	@$(MAKE) --no-print-directory build
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 OPT=-O1 build
	@sh tests/run.sh build build/asan

test-fast: build
	@sh tests/run.sh $(BUILD)

demo: deps
	@$(MAKE) --no-print-directory build
	@echo "== coding data/examples/example-article.txt (published 2024-03-14) ==" >&2
	@$(BUILD)/redline code --date 2024-03-14 data/examples/example-article.txt

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/redline
	install -m 755 $(BUILD)/redline $(DESTDIR)$(PREFIX)/bin/redline
	install -m 644 $(BUILD)/libredline.a $(DESTDIR)$(PREFIX)/lib/libredline.a
	install -m 644 include/redline.h $(DESTDIR)$(PREFIX)/include/redline.h
	install -m 644 man/redline.1 $(DESTDIR)$(PREFIX)/share/man/man1/redline.1
	cp -R data/dict data/models $(DESTDIR)$(PREFIX)/share/redline/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(shell sed -n 's/.*REDLINE_VERSION "\(.*\)"/\1/p' include/redline.h)|' \
	    -e 's|@PKGS@|$(PKGS)|' redline.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/redline.pc

bench: all
	@sh bench/run.sh

FUZZ_SRC = $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN = $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
fuzz: deps
	@$(MAKE) --no-print-directory BUILD=build/fuzzlib CC=clang SAN=1 \
	    CFLAGS="-O1 -g -fsanitize=fuzzer-no-link" build/fuzzlib/libredline.a
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

build/fuzz/%: fuzz/%.c build/fuzzlib/libredline.a
	@mkdir -p $(dir $@)
	clang $(filter-out -fsanitize=address% ,$(ALL_CFLAGS)) -O1 -g \
	    -fsanitize=fuzzer,address,undefined -o $@ $< build/fuzzlib/libredline.a $(LDLIBS)

train: all
	@sh train/train.sh

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
