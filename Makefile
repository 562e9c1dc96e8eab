# followup: a plain Makefile over pkg-config.
#
#   make            bin/followupd, bin/followup and bin/followup-full
#                   (BUILD=release)
#   make check      unit tests under ASan+UBSan and under valgrind, then the
#                   integration tests against a real Dovecot, then the crash
#                   test; ends "N passed, N failed"
#   make check-crash  only the crash test: followupd killed with SIGKILL 50
#                   times while it syncs 2,609 messages and sends 390
#                   acknowledgements (CRASH_SEED=N repeats a schedule)
#   make asan       the ASan+UBSan build of everything, in build/asan
#   make fuzz       libFuzzer targets (clang), in build/fuzz
#   make install    PREFIX and DESTDIR honoured
#
# Each module folder (lib data parsers classify rules store config compose core
# daemon cli) builds a static archive; the programs and the tests link those
# archives.

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
SBINDIR   ?= $(PREFIX)/sbin
# followup-full, the commands followup hands on (cli/full.c), in its
# own folder there.
LIBEXECDIR ?= $(PREFIX)/libexec
DATADIR   ?= $(PREFIX)/share/followup
SYSCONFDIR ?= /etc
UNITDIR   ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
MANDIR    ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
DOCDIR    ?= $(PREFIX)/share/doc/followup
# The package's paths (debian/rules reads them: make print-DEB_PATHS).
DEB_PATHS := PREFIX=/usr UNITDIR=/lib/systemd/system
DESTDIR   ?=

# The one definition of the version: `followupd --version`, `followup
# --version`, the man pages and debian/changelog (tests/integration/
# test_manners.sh checks that they agree).
VERSION   := $(shell cat VERSION)

BUILD     ?= release
CC        ?= cc
PKG_CONFIG ?= pkg-config

PKGS      := libuv libcurl gmime-3.0 sqlite3 inih libpsl jansson libxml-2.0 libzstd libexttextcat libical xlsxwriter
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm

# The layers. Each module sees its own folder and the modules it stands
# on, and only the libraries those use: a module is compiled with
# -I$(OUT)/inc/MODULE, a folder of links to exactly those folders, and
# their pkg-config flags, so an include of a higher or a sibling layer
# fails the build (`make check-layers` proves it; docs/ARCHITECTURE.md
# draws it):
#
#   cli, daemon -> core -> store -> rules -> classify -> parsers -> data -> lib
#                  core -> config -> lib
#                  core -> compose -> lib
LAYER_lib      := lib
LAYER_data     := data lib
LAYER_parsers  := parsers data lib
LAYER_classify := classify parsers data lib
LAYER_rules    := rules classify parsers data lib
LAYER_store    := store rules classify parsers data lib
LAYER_config   := config lib
LAYER_compose  := compose lib
LAYER_core     := core compose config store rules classify parsers data lib
LAYER_daemon   := daemon core compose config store rules classify parsers data lib
LAYER_cli      := cli core compose config store rules classify parsers data lib
PKGS_lib       := glib-2.0
PKGS_data      :=
PKGS_parsers   := glib-2.0 gmime-3.0 libxml-2.0 jansson
PKGS_classify  := $(PKGS_parsers) libpsl libexttextcat
PKGS_rules     := $(PKGS_classify) libical
PKGS_store     := $(PKGS_rules) sqlite3 libzstd
PKGS_config    := glib-2.0 inih
PKGS_compose   := glib-2.0 gmime-3.0
PKGS_core      := $(PKGS_store) $(PKGS_config) $(PKGS_compose)
PKGS_daemon    := $(PKGS_core) libuv libcurl
PKGS_cli       := $(PKGS_core) xlsxwriter
LAYERS         := lib data parsers classify rules store config compose core daemon cli
layer_cflags   = -I$(OUT)/inc/$(1) $(if $(strip $(PKGS_$(1))),$(shell $(PKG_CONFIG) --cflags $(PKGS_$(1))))
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

WARNFLAGS := -Wall -Wextra -Wformat=2 -Werror -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wno-unused-parameter
STD       := -std=c11 -D_GNU_SOURCE

OUT       ?= build/$(BUILD)
ifeq ($(BUILD),release)
  OPTFLAGS ?= -O2 -g
  BINOUT   ?= bin
else ifeq ($(BUILD),debug)
  OPTFLAGS ?= -O0 -g
  BINOUT   ?= $(OUT)/bin
else ifeq ($(BUILD),asan)
  OPTFLAGS ?= -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=all
  BINOUT   ?= $(OUT)/bin
else
  $(error unknown BUILD=$(BUILD): use release, debug or asan)
endif

CFLAGS    ?=
CPPFLAGS  ?=
LDFLAGS   ?=
BASE_CFLAGS := $(STD) $(WARNFLAGS) $(OPTFLAGS) $(CPPFLAGS) \
               -DFOLLOWUP_DATADIR='"$(DATADIR)"' -DFOLLOWUP_SYSCONFDIR='"$(SYSCONFDIR)"' \
               -DFOLLOWUP_LIBEXECDIR='"$(LIBEXECDIR)/followup"' \
               -MMD -MP $(CFLAGS)
# Tests and benchmarks see everything.
ALL_CFLAGS := $(BASE_CFLAGS) -I. $(PKG_CFLAGS)
ALL_LDFLAGS := $(OPTFLAGS) $(LDFLAGS)

# Library modules, in link order (a module may use the ones after it).
LIBMODS   := cli daemon core compose config store rules classify parsers lib
lib_srcs   = $(filter-out $(1)/main.c,$(wildcard $(1)/*.c))
lib_objs   = $(patsubst %.c,$(OUT)/%.o,$(call lib_srcs,$(1)))
LIBS      := $(foreach m,$(LIBMODS),$(OUT)/lib$(m).a) $(OUT)/libdata.a

# Shipped data lists (free-mail domains, quote markers, ...) compiled in as
# defaults, overridable from the config: libdata.a.
DATA_GEN  := $(OUT)/gen/builtin_data.c
DATA_FILES := $(sort $(wildcard data/*.txt))
# The lexicons of the trade-facts extractor (data/facts/*.txt) made into
# the tables data/lexicon.h declares, also in libdata.a.
LEXICON_GEN := $(OUT)/gen/lexicon.c
LEXICON_FILES := $(sort $(wildcard data/facts/*.txt))

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(OUT)/tests/%,$(UNIT_SRCS))

.SECONDARY:
.PHONY: man deb install-files FORCE all check check-unit check-integration check-layers check-crash asan tests fuzz check-fuzz bench \
        install uninstall clean demo
all: $(BINOUT)/followupd $(BINOUT)/followup $(BINOUT)/followup-full

# Quiet by default; V=1 shows the commands.
V ?= 0
ifeq ($(V),0)
  Q = @
  say = @printf '  %-6s %s\n' $(1) $(2)
else
  Q =
  say = @true
endif

$(OUT)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# A module's objects: its own include folder and flags (see LAYER_*).
define layer_rule
$(OUT)/inc/$(1)/.made: Makefile
	@rm -rf $$(dir $$@) && mkdir -p $$(dir $$@)
	$$(Q)for d in $(LAYER_$(1)); do ln -s "$$(CURDIR)/$$$$d" "$$(dir $$@)$$$$d"; done
	@touch $$@
$(OUT)/$(1)/%.o: $(1)/%.c | $(OUT)/inc/$(1)/.made
	@mkdir -p $$(dir $$@)
	$$(call say,CC,$$@)
	$$(Q)$$(CC) $$(BASE_CFLAGS) $(call layer_cflags,$(1)) -c -o $$@ $$<
endef
$(foreach m,$(LAYERS),$(eval $(call layer_rule,$(m))))

$(DATA_GEN): $(DATA_FILES) data/embed.sh
	@mkdir -p $(dir $@)
	$(Q)sh data/embed.sh $(DATA_FILES) > $@.tmp && mv $@.tmp $@

# data/facts is a prerequisite too: a lexicon removed changes it.
$(LEXICON_GEN): $(LEXICON_FILES) data/facts data/lexicon.sh data/lexicon.awk data/lexicon.h
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)
	$(Q)sh data/lexicon.sh $(LEXICON_FILES) > $@.tmp && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }

$(OUT)/gen/%.o: $(OUT)/gen/%.c | $(OUT)/inc/data/.made
	$(call say,CC,$@)
	$(Q)$(CC) $(BASE_CFLAGS) $(call layer_cflags,data) -c -o $@ $<

$(OUT)/libdata.a: $(OUT)/gen/builtin_data.o $(OUT)/gen/lexicon.o
$(foreach m,$(LIBMODS),$(eval $(OUT)/lib$(m).a: $(call lib_objs,$(m))))
$(OUT)/lib%.a:
	@mkdir -p $(dir $@)
	$(call say,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

# Only the programs' main.c print it: a new version recompiles those.
$(OUT)/daemon/main.o $(OUT)/cli/main.o $(OUT)/cli/main-front.o: VERSION
$(OUT)/daemon/main.o $(OUT)/cli/main.o $(OUT)/cli/main-front.o: \
	BASE_CFLAGS += -DFOLLOWUP_VERSION='"$(VERSION)"'

# followup, the front (cli/main.c with FOLLOWUP_FRONT): the commands that
# read and print the store, linked with these libraries only, so that it
# starts in a few milliseconds. An object of its that needs GMime,
# libxml2, libical, libxlsxwriter or libexttextcat fails its link: the
# command that pulled it in belongs to followup-full (FULL() in main.c's
# table). The link lists the archives, so only what the front's commands
# call is taken from them.
FRONT_PKGS := glib-2.0 sqlite3 jansson inih libpsl libzstd
FRONT_LIBS := $(shell $(PKG_CONFIG) --libs $(FRONT_PKGS)) -lm
$(OUT)/cli/main-front.o: cli/main.c | $(OUT)/inc/cli/.made
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CC) $(BASE_CFLAGS) $(call layer_cflags,cli) -DFOLLOWUP_FRONT -c -o $@ $<

$(BINOUT)/followupd: $(OUT)/daemon/main.o $(LIBS)
	@mkdir -p $(dir $@)
	$(call say,LD,$@)
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBS) $(PKG_LIBS)

$(BINOUT)/followup: $(OUT)/cli/main-front.o $(LIBS)
	@mkdir -p $(dir $@)
	$(call say,LD,$@)
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBS) $(FRONT_LIBS)

$(BINOUT)/followup-full: $(OUT)/cli/main.o $(LIBS)
	@mkdir -p $(dir $@)
	$(call say,LD,$@)
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBS) $(PKG_LIBS)

$(OUT)/tests/%: $(OUT)/tests/%.o $(LIBS)
	@mkdir -p $(dir $@)
	$(call say,LD,$@)
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBS) $(PKG_LIBS) $(CMOCKA_LIBS)

$(OUT)/tests/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -c -o $@ $<

tests: $(UNIT_BINS)

# The man pages: scdoc sources in man/ made into roff in build/man.
# followup(1)'s list of commands is written from the command table by
# the program itself (man/commands.sh), so it cannot drift.
SCDOC     ?= scdoc
MANOUT    := build/man
MANPAGES  := $(MANOUT)/followupd.8 $(MANOUT)/followup.1 $(MANOUT)/followup.conf.5
# What the man pages send the reader to for the long form.
DOCS      := README.md docs/ARCHITECTURE.md docs/CLI.md docs/CONFIG.md docs/DECISIONS.md \
             docs/KPI.md docs/RULES.md docs/TEMPLATES.md
# The pages name the installed paths: a change of them (PREFIX=…) makes
# them again.
MAN_SED   := -e 's|@VERSION@|$(VERSION)|g' -e 's|@DATADIR@|$(DATADIR)|g' \
             -e 's|@DOCDIR@|$(DOCDIR)|g' -e 's|@UNITDIR@|$(UNITDIR)|g' \
             -e 's|@LIBEXECDIR@|$(LIBEXECDIR)|g'
man: $(MANPAGES)

$(MANOUT)/.paths: FORCE
	@mkdir -p $(dir $@)
	@echo "$(MAN_SED)" | cmp -s - $@ || echo "$(MAN_SED)" > $@
FORCE:

$(MANOUT)/%: man/%.scd VERSION $(MANOUT)/.paths
	@mkdir -p $(dir $@)
	$(call say,SCDOC,$@)
	$(Q)sed $(MAN_SED) $< | $(SCDOC) > $@.tmp && mv $@.tmp $@

$(MANOUT)/followup.1: man/followup.1.scd man/commands.sh $(BINOUT)/followup VERSION $(MANOUT)/.paths
	@mkdir -p $(dir $@)
	$(call say,SCDOC,$@)
	$(Q)sh man/commands.sh $(BINOUT)/followup > $@.commands
	$(Q)sed $(MAN_SED) -e '/^@COMMANDS@$$/{' -e 'r $@.commands' -e 'd' -e '}' $< | \
		$(SCDOC) > $@.tmp && mv $@.tmp $@ && rm -f $@.commands

asan:
	$(MAKE) BUILD=asan tests

# The whole suite: unit tests twice (ASan+UBSan build, valgrind on the debug
# build), then the integration tests on the release binaries (and two of
# them on the ASan+UBSan binaries).
# The builds and the tests use every CPU (CHECK_JOBS=1 for one at a time).
CHECK_JOBS ?= $(shell nproc 2>/dev/null || echo 1)

check:
	$(MAKE) -j$(CHECK_JOBS) BUILD=release all
	$(MAKE) -j$(CHECK_JOBS) BUILD=asan all tests
	$(MAKE) -j$(CHECK_JOBS) BUILD=debug tests
	FOLLOWUP_TEST_JOBS=$$(( $(CHECK_JOBS) + 2 )) sh tests/run-tests.sh

check-unit:
	$(MAKE) BUILD=asan tests
	$(MAKE) BUILD=debug tests
	sh tests/run-tests.sh --unit-only

# The layer order, proved: each module's includes, and a forbidden include
# compiled with its flags fails (also part of `make check`).
check-layers: all
	sh tests/run-tests.sh --integration-only layers

# For scripts: `make -s print-LAYER_rules` prints a variable.
print-%:
	@echo '$($*)'

check-integration: all
	$(MAKE) BUILD=asan all
	sh tests/run-tests.sh --integration-only

check-crash: all
	sh tests/run-tests.sh --crash-only

demo: all
	sh tests/demo.sh

FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
fuzz:
	$(MAKE) -f tests/fuzz/fuzz.mk FUZZ_SRCS="$(FUZZ_SRCS)"

check-fuzz: fuzz
	sh tests/fuzz/run-fuzz.sh

# make bench N=100000: the mailbox's size (default 20000); STORE_N: the store's.
bench: all
	N="$(N)" STORE_N="$(STORE_N)" sh bench/run.sh

install: all man
	$(MAKE) install-files

# What install installs, without building it (debian/rules uses it).
install-files:
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SBINDIR) $(DESTDIR)$(UNITDIR) \
	           $(DESTDIR)$(LIBEXECDIR)/followup \
	           $(DESTDIR)$(DATADIR) $(DESTDIR)$(SYSCONFDIR)/followup \
	           $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man8 \
	           $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(TMPFILESDIR) $(DESTDIR)$(DOCDIR)
	install -m 0755 bin/followup $(DESTDIR)$(BINDIR)/followup
	install -m 0755 bin/followup-full $(DESTDIR)$(LIBEXECDIR)/followup/followup-full
	install -m 0755 bin/followupd $(DESTDIR)$(SBINDIR)/followupd
	install -m 0644 config/followup.conf.example $(DESTDIR)$(DATADIR)/followup.conf.example
	install -d $(DESTDIR)$(DATADIR)/templates
	install -m 0644 config/templates/*.txt $(DESTDIR)$(DATADIR)/templates/
	sed 's|@SBINDIR@|$(SBINDIR)|g' systemd/followupd.service.in > $(DESTDIR)$(UNITDIR)/followupd.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/followupd.service
	install -d $(DESTDIR)$(SYSUSERSDIR)
	install -m 0644 systemd/followup.sysusers $(DESTDIR)$(SYSUSERSDIR)/followup.conf
	install -m 0644 systemd/followup.tmpfiles $(DESTDIR)$(TMPFILESDIR)/followup.conf
	install -m 0644 $(MANOUT)/followup.1 $(DESTDIR)$(MANDIR)/man1/followup.1
	install -m 0644 $(MANOUT)/followup.conf.5 $(DESTDIR)$(MANDIR)/man5/followup.conf.5
	install -m 0644 $(MANOUT)/followupd.8 $(DESTDIR)$(MANDIR)/man8/followupd.8
	install -m 0644 completion/followup.bash $(DESTDIR)$(BASHCOMPDIR)/followup
	ln -sf followup $(DESTDIR)$(BASHCOMPDIR)/followupd
	install -m 0644 $(DOCS) $(DESTDIR)$(DOCDIR)/

# A Debian package, built by dpkg-buildpackage in a copy of the tree under
# $(DEBOUT) (the .deb lands there, not in the tree's parent), then checked
# by lintian (errors fail). DEB_PREBUILT=1 packages bin/ and build/man as
# they are, for make check; without it the package is built from scratch
# with Debian's flags.
DEBOUT    ?= build/deb
DEB_SRC    = $(DEBOUT)/followup-$(VERSION)
deb: $(if $(DEB_PREBUILT),all)
	rm -rf $(DEBOUT) && mkdir -p $(DEB_SRC)
	tar -cf - --exclude=./build --exclude=./bin --exclude=./.git . | tar -xf - -C $(DEB_SRC)
ifneq ($(DEB_PREBUILT),)
	mkdir -p $(DEB_SRC)/bin
	cp -p bin/followup bin/followup-full bin/followupd $(DEB_SRC)/bin/
	$(MAKE) man $(DEB_PATHS) MANOUT=$(DEB_SRC)/$(MANOUT)
endif
	cd $(DEB_SRC) && FOLLOWUP_PREBUILT=$(DEB_PREBUILT) dpkg-buildpackage -b -us -uc
	lintian --fail-on error $(DEBOUT)/followup_$(VERSION)_*.deb

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/followup $(DESTDIR)$(SBINDIR)/followupd \
	      $(DESTDIR)$(LIBEXECDIR)/followup/followup-full \
	      $(DESTDIR)$(UNITDIR)/followupd.service $(DESTDIR)$(DATADIR)/followup.conf.example \
	      $(DESTDIR)$(SYSUSERSDIR)/followup.conf $(DESTDIR)$(TMPFILESDIR)/followup.conf \
	      $(DESTDIR)$(MANDIR)/man1/followup.1 $(DESTDIR)$(MANDIR)/man5/followup.conf.5 \
	      $(DESTDIR)$(MANDIR)/man8/followupd.8 $(DESTDIR)$(BASHCOMPDIR)/followup \
	      $(DESTDIR)$(BASHCOMPDIR)/followupd
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,$(notdir $(DOCS)))
	-rmdir $(DESTDIR)$(DOCDIR) $(DESTDIR)$(LIBEXECDIR)/followup 2>/dev/null
	rm -rf $(DESTDIR)$(DATADIR)/templates

clean:
	rm -rf build bin

-include $(shell find $(OUT) -name '*.d' 2>/dev/null)
