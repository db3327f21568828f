#!/usr/bin/env bash
# Prints a session sheet through a real CUPS scheduler to a cups-pdf queue and checks that a
# PDF comes out of the queue.
set -euo pipefail
bin=$(realpath "$1")
routine=$(realpath "$2")
queue=knotmap-pdf

# `lpstat -r` exits 0 whether or not the scheduler runs, so read what it says.
scheduler_runs() { [ "$(lpstat -r 2>/dev/null)" = "scheduler is running" ]; }
if ! scheduler_runs; then
    cupsd
fi
for _ in $(seq 100); do scheduler_runs && break; sleep 0.2; done
if ! scheduler_runs; then
    echo "cups: the scheduler did not start"; tail -n 20 /var/log/cups/error_log || true; exit 1
fi
lpadmin -p "$queue" -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd

# cups-pdf writes a job of this user to ~/PDF (or to the anonymous folder).
outputs=("${HOME:-/root}/PDF" /var/spool/cups-pdf/ANONYMOUS)
marker=$(mktemp)
"$bin" print "$routine" --print --printer "$queue"
for _ in $(seq 120); do
    found=$(find "${outputs[@]}" -name '*.pdf' -newer "$marker" 2>/dev/null | head -n1 || true)
    [ -n "$found" ] && break
    sleep 0.5
done
rm -f "$marker"
if [ -z "${found:-}" ]; then
    echo "cups: no PDF came out of the $queue queue"; lpstat -W all -o || true; exit 1
fi
# cups-pdf writes the file in place: wait until it reads as a whole PDF.
pages=""
for _ in $(seq 60); do
    pages=$(pdfinfo "$found" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
    [ -n "$pages" ] && break
    sleep 0.5
done
echo "cups: printed $routine through CUPS to $found ($pages pages)"
[ "${pages:-0}" -ge 1 ]
echo "cups: 1 passed, 0 failed"
