# Helpers for the rules tests (sourced after lib.sh).

# write_rules_config FILE: the contract config with the three contract
# rules, the shipped templates, a manager, and the test SMTP server.
write_rules_config() {
	write_config "$1"
	mkdir -p "$T/templates"
	cp "$TOP"/config/templates/ack*.txt "$T/templates/"
	sed -i "s|^url = smtp://127.0.0.1:2525|url = smtp://127.0.0.1:$SMTP_PORT|" "$1"
	sed -i "s|^work-hours = Mon-Fri 09:00-18:00|work-hours = Mon-Fri 09:00-18:00\nalerts-to = sales@example.com|" "$1"
	cat >> "$1" <<CONF
[person zhang@example.com]
name = Zhang Wei
countries = CN
[rule ack-inquiry]
on = inquiry
action = acknowledge
template = $T/templates/ack      ; ack.txt, ack.de.txt, ack.es.txt … chosen by the inquiry's language
max-age = 24h                               ; never acknowledge an inquiry older than this (first sync of an old mailbox!)
[rule first-response]
on = inquiry
until = our-reply                           ; the clock stops at our first outbound reply in the thread
within = 24h business                       ; business time by [company] timezone and work-hours
notify = owner
escalate = manager after 24h business       ; the owner's manager, counted from the breach
[rule quote-follow-up]
on = quote
until = customer-reply                      ; a real reply: auto-replies and bounces do not stop the clock
within = 3d                                 ; calendar time
notify = owner
CONF
}

# write_spanish_inquiry: $T/a.eml, a Colombian buyer's first inquiry of
# 24 Nov 2026 09:30 +08:00, the one the outbox tests acknowledge.
write_spanish_inquiry() {
	cat > "$T/a.eml" <<'MSG'
From: Maria Gomez <maria@empresa.com.co>
To: sales@example.com
Subject: Solicitud de cotización de bombas
Date: Tue, 24 Nov 2026 09:30:00 +0800
Message-ID: <cot-1@empresa.com.co>
Content-Type: text/plain; charset=UTF-8

Buenos días, necesitamos 30 bombas centrífugas. ¿Nos puede enviar su cotización? Gracias.
MSG
}

# mail NAME FOLDER INTERNALDATE: appends $T/NAME.eml (written by the caller).
mail() {
	imaptool append "$2" "$T/$1.eml" "$3"
}

# smtp_find PATTERN: the files of accepted messages that contain PATTERN.
smtp_find() {
	grep -l -- "$1" "$SMTP_DIR"/*.eml 2>/dev/null
}
