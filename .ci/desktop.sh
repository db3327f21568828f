#!/usr/bin/env bash
# Validates the desktop entry, the AppStream metadata and the MIME type, builds the .deb with
# cargo-deb, installs it with dpkg on a clean minimal Debian, and runs the installed binary
# there: its version and a sheet.
set -euo pipefail
cd "$(dirname "$0")/.."
desktop-file-validate assets/desktop/io.github.knotmap.Knotmap.desktop
appstreamcli validate --no-net assets/desktop/io.github.knotmap.Knotmap.metainfo.xml
xmllint --noout assets/desktop/knotmap-routine.xml

if ! cargo deb --version >/dev/null 2>&1; then
    cargo install --locked cargo-deb --version 3.8.0
fi
cargo deb --locked --no-build --output target/debian/knotmap.deb

# A clean machine: a minimal Debian of the same release as this one, from the same package
# source this machine uses, with nothing but what the package brings.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)
[ -n "$mirror" ] || mirror=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
for attempt in 1 2; do
    debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$root.log" 2>&1 && break
    [ "$attempt" = 2 ] && { tail -n 20 "$root.log"; echo "desktop: no clean machine could be made"; exit 1; }
    rm -rf "$root"; mkdir -p "$root"
done
rm -f "$root.log"
cp target/debian/knotmap.deb routines/before-a-run.ron "$root/tmp/"
chroot "$root" dpkg --install /tmp/knotmap.deb >/dev/null
for file in /usr/bin/knotmap /usr/share/applications/io.github.knotmap.Knotmap.desktop \
    /usr/share/metainfo/io.github.knotmap.Knotmap.metainfo.xml \
    /usr/share/mime/packages/knotmap.xml \
    /usr/share/icons/hicolor/16x16/apps/io.github.knotmap.Knotmap.png \
    /usr/share/icons/hicolor/512x512/apps/io.github.knotmap.Knotmap.png; do
    [ -e "$root$file" ] || { echo "desktop: the package did not install $file"; exit 1; }
done
installed=$(chroot "$root" knotmap --version)
echo "desktop: installed $installed on a clean $suite"
expected="knotmap $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
if [ "$installed" != "$expected" ]; then
    echo "desktop: the installed binary says \"$installed\", not \"$expected\""; exit 1
fi
chroot "$root" knotmap print /tmp/before-a-run.ron -o /tmp/sheet.pdf
head -c 5 "$root/tmp/sheet.pdf" | grep -q '%PDF-' || { echo "desktop: the installed binary wrote no PDF"; exit 1; }
echo "desktop: 4 passed, 0 failed"
