#!/bin/sh
# Writes the COMMANDS section of followup(1) in scdoc from the command
# table itself (`followup help --commands`, `followup help COMMAND`), so
# the man page cannot drift from the program. usage: commands.sh FOLLOWUP
set -eu
followup=$1
# scdoc's markup characters in the table's text are written as text.
escape() { sed 's/\\/\\\\/g; s/\*/\\*/g; s/_/\\_/g'; }
"$followup" help --commands | while IFS= read -r name; do
	# $name is one or two words: both are arguments of help.
	usage=$("$followup" help $name)
	synopsis=$(printf '%s\n' "$usage" | sed -n '1s/^usage: followup //p')
	summary=$(printf '%s\n' "$usage" | sed -n '3p')
	printf '*%s*%s\n' "$name" "$(printf '%s' "${synopsis#"$name"}" | escape)"
	printf '\t%s\n\n' "$(printf '%s' "$summary" | escape)"
done
