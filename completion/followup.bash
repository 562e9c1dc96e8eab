# bash completion for followup(1): the commands, each command's options
# and their values, and the customer keys of the store; and for
# followupd(8): its options. Installed as "followup", with "followupd" a
# link to it (bash-completion loads a file by the command's name).
#
# Everything comes from the program itself: `followup help --commands`
# lists the commands and `followup help COMMAND` gives a command's
# synopsis, the command table's one source of its usage. Customer keys
# come from `followup customers --json`, quietly, and only when the store
# can be read; a failure completes nothing.

# The synopsis of command $1 (one or two words), from the program.
_followup_synopsis()
{
	local usage
	usage=$("${_followup_prog:-followup}" help $1 2>/dev/null) || return 1
	usage=${usage%%$'\n'*}
	printf '%s\n' "${usage#usage: followup }"
}

# The customer keys, with the configuration the command line names.
_followup_customers()
{
	"${_followup_prog:-followup}" "${_followup_global[@]}" customers --json 2>/dev/null |
		sed -n 's/^    "key": "\(.*\)",\{0,1\}$/\1/p'
}

# The words that may follow option $2 in synopsis $1: its alternatives
# (--sort a|b|c), customer keys, files; nothing for a free value.
_followup_option_value()
{
	local synopsis=$1 option=$2 rest value
	rest=${synopsis#*"$option "}
	[ "$rest" = "$synopsis" ] && return 1
	value=${rest%%[] ]*}
	case "$value" in
	CUSTOMER|TARGET|KEY|CUSTOMER\|*)
		COMPREPLY=($(compgen -W "$(_followup_customers)" -- "$cur")) ;;
	FILE)
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	*[a-z]\|[a-z]*)
		COMPREPLY=($(compgen -W "${value//|/ }" -- "$cur")) ;;
	*)
		COMPREPLY=() ;;
	esac
	return 0
}

_followup()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local _followup_prog=${COMP_WORDS[0]}
	local -a _followup_global=() words=()
	local commands first i w name synopsis positional=0

	# The global options given so far (for the customer keys), and the
	# other words before the cursor.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case "$w" in
		-c|--config|--now)
			_followup_global+=("$w" "${COMP_WORDS[i+1]}")
			((i++)) ;;
		--config=*|--now=*) _followup_global+=("$w") ;;
		*) words+=("$w") ;;
		esac
	done
	case "$prev" in
	-c|--config) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--now) COMPREPLY=(); return ;;
	esac

	commands=$("$_followup_prog" help --commands 2>/dev/null) || return
	first=${words[0]-}
	# The command: two words when the table has them ("customer show").
	name=
	if [ -n "$first" ] && [ ${#words[@]} -ge 2 ] &&
	   printf '%s\n' "$commands" | grep -qxF -- "$first ${words[1]}"; then
		name="$first ${words[1]}"
		positional=$((${#words[@]} - 2))
	elif [ -n "$first" ] && printf '%s\n' "$commands" | grep -qxF -- "$first"; then
		name=$first
		positional=$((${#words[@]} - 1))
	fi

	if [ -z "$name" ]; then
		if [ -z "$first" ]; then
			if [[ $cur == -* ]]; then
				COMPREPLY=($(compgen -W "--config --json --now --help --version" -- "$cur"))
			else
				COMPREPLY=($(compgen -W "help $(printf '%s\n' "$commands" | cut -d' ' -f1 | sort -u)" -- "$cur"))
			fi
		elif [ "$first" = help ]; then
			COMPREPLY=($(compgen -W "$(printf '%s\n' "$commands" | cut -d' ' -f1 | sort -u)" -- "$cur"))
		elif [ ${#words[@]} -eq 1 ]; then
			# The second word of a two-word command.
			local c seconds=
			while IFS= read -r c; do
				[[ $c == "$first "* ]] && seconds+=" ${c#"$first "}"
			done <<<"$commands"
			COMPREPLY=($(compgen -W "$seconds" -- "$cur"))
		fi
		return
	fi

	synopsis=$(_followup_synopsis "$name") || return
	if [[ $prev == --* ]] && _followup_option_value "$synopsis" "$prev"; then
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(printf '%s\n' "$synopsis" | grep -o -- '--[a-z][a-z-]*' | sort -u) --json --now --config --help" -- "$cur"))
		return
	fi
	# The first argument: a customer, or one of the lowercase words the
	# arguments before the first option allow (export customers|…|
	# timeline TARGET|overdue).
	if [ "$positional" -eq 0 ]; then
		local args=${synopsis#"$name"}
		args=${args%%[[-]*}
		case "${args# }" in
		CUSTOMER*|TARGET*|ADDRESS\|CUSTOMER*)
			COMPREPLY=($(compgen -W "$(_followup_customers)" -- "$cur")) ;;
		*)
			COMPREPLY=($(compgen -W "$(printf '%s\n' "$args" | grep -o '[a-z][a-z-]*')" -- "$cur")) ;;
		esac
	fi
}
complete -F _followup followup

# followupd's options and their values, from its --help.
_followupd()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} usage
	usage=$("${COMP_WORDS[0]}" --help 2>/dev/null) || return
	usage=${usage//$'\n'/ }
	case "$prev" in
	-c|--config) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--now) COMPREPLY=(); return ;;
	--*) _followup_option_value "$usage" "$prev" && return ;;
	esac
	COMPREPLY=($(compgen -W "$(printf '%s\n' "$usage" | grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
}
complete -F _followupd followupd
