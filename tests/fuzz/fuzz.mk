# libFuzzer targets, one per parser entry point: `make fuzz` builds them
# with clang, ASan and UBSan into build/fuzz/. Each target links the pure
# modules (parsers/, classify/, rules/, compose/) from source, instrumented.
CLANG     ?= clang
PKGS      := gmime-3.0 libpsl libxml-2.0 glib-2.0 jansson libexttextcat libical sqlite3
FUZZ_CFLAGS := -std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer \
               -fsanitize=fuzzer,address,undefined -I. $(shell pkg-config --cflags $(PKGS))
FUZZ_LIBS := $(shell pkg-config --libs $(PKGS))
OUT       := build/fuzz
MOD_SRCS  := $(wildcard parsers/*.c classify/*.c rules/*.c compose/*.c lib/*.c) daemon/redact.c
DATA_GEN  := $(OUT)/builtin_data.c
LEXICON_GEN := $(OUT)/lexicon.c
LEXICON_FILES := $(sort $(wildcard data/facts/*.txt))
TARGETS   := $(patsubst tests/fuzz/%.c,$(OUT)/%,$(FUZZ_SRCS))

all: $(TARGETS)

$(DATA_GEN): $(wildcard data/*.txt) data/embed.sh
	@mkdir -p $(OUT)
	sh data/embed.sh $(sort $(wildcard data/*.txt)) > $@

$(LEXICON_GEN): $(LEXICON_FILES) data/facts data/lexicon.sh data/lexicon.awk data/lexicon.h
	@mkdir -p $(OUT)
	sh data/lexicon.sh $(LEXICON_FILES) > $@.tmp && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }

$(OUT)/%: tests/fuzz/%.c $(MOD_SRCS) $(DATA_GEN) $(LEXICON_GEN)
	@mkdir -p $(OUT)
	$(CLANG) $(FUZZ_CFLAGS) -o $@ $< $(MOD_SRCS) $(DATA_GEN) $(LEXICON_GEN) $(FUZZ_LIBS)
