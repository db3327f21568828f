#!/usr/bin/env bash
# Validates the desktop entry, the AppStream metadata and the MIME type, builds the .deb with
# cargo-deb, installs it with dpkg, and runs the installed binary: its version and a sheet.
set -euo pipefail
cd "$(dirname "$0")/.."
desktop-file-validate assets/desktop/io.github.knotmap.Knotmap.desktop
appstreamcli validate --no-net assets/desktop/io.github.knotmap.Knotmap.metainfo.xml
xmllint --noout assets/desktop/knotmap-routine.xml

if ! cargo deb --version >/dev/null 2>&1; then
    cargo install --locked cargo-deb --version 3.8.0
fi
cargo deb --locked --no-build --output target/debian/knotmap.deb
dpkg --remove knotmap >/dev/null 2>&1 || true
# apt resolves what the package depends on, as it would on a user's machine.
apt-get install -y -qq --no-install-recommends ./target/debian/knotmap.deb >/dev/null
trap 'dpkg --remove knotmap >/dev/null 2>&1 || true' EXIT
for file in /usr/bin/knotmap /usr/share/applications/io.github.knotmap.Knotmap.desktop \
    /usr/share/metainfo/io.github.knotmap.Knotmap.metainfo.xml \
    /usr/share/mime/packages/knotmap.xml \
    /usr/share/icons/hicolor/48x48/apps/io.github.knotmap.Knotmap.png \
    /usr/share/icons/hicolor/512x512/apps/io.github.knotmap.Knotmap.png; do
    [ -e "$file" ] || { echo "desktop: the package did not install $file"; exit 1; }
done
installed=$(/usr/bin/knotmap --version)
echo "desktop: installed $installed"
expected="knotmap $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
if [ "$installed" != "$expected" ]; then
    echo "desktop: the installed binary says \"$installed\", not \"$expected\""; exit 1
fi
sheet=$(mktemp --suffix .pdf)
/usr/bin/knotmap print routines/before-a-run.ron -o "$sheet"
head -c 5 "$sheet" | grep -q '%PDF-' || { echo "desktop: the installed binary wrote no PDF"; exit 1; }
rm -f "$sheet"
echo "desktop: 4 passed, 0 failed"
