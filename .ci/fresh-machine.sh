#!/usr/bin/env bash
# Runs `cargo test` as on a fresh Debian or Ubuntu machine with only a Rust toolchain: the
# poppler tools are off the PATH and no GPU adapter can be found, and CI is unset so that the
# window snapshots may be skipped (each says so). Everything else must pass.
set -euo pipefail
cd "$(dirname "$0")/.."
shadow=$(mktemp -d)
trap 'rm -rf "$shadow"' EXIT

# A PATH with every program the machine has, less poppler's.
# The sound server, the speech service and the session bus are off the PATH too.
hidden="pdftotext pdfinfo pdffonts pdftoppm pdftocairo pdfimages pdfseparate pdfunite pulseaudio parec pacat speech-dispatcher dbus-daemon"
IFS=: read -r -a dirs <<<"$PATH"
for dir in "${dirs[@]}"; do
    [ -d "$dir" ] || continue
    for program in "$dir"/*; do
        name=$(basename "$program")
        case " $hidden " in *" $name "*) continue ;; esac
        [ -e "$shadow/$name" ] || ln -s "$program" "$shadow/$name"
    done
done
for tool in $hidden; do
    if PATH=$shadow command -v "$tool" >/dev/null; then
        echo "fresh machine: $tool is still on the PATH"; exit 1
    fi
done

# No Vulkan driver and no other backend: wgpu finds no adapter.
log=$(mktemp)
env -u CI PATH="$shadow" \
    VK_ICD_FILENAMES=/nonexistent/icd.json VK_DRIVER_FILES=/nonexistent/icd.json \
    WGPU_BACKEND=vulkan \
    cargo test --locked 2>&1 | tee "$log"
skipped=$(grep -c '^skipped: ' "$log" || true)
rm -f "$log"
if [ "$skipped" -eq 0 ]; then
    echo "fresh machine: a GPU adapter was still found, so the path without one went untested"; exit 1
fi
echo "fresh machine: cargo test passed without poppler and without a GPU ($skipped snapshot checks skipped, each named above)"

# The same fresh machine with Mesa's GL driver and no Vulkan driver, as a laptop with GL only:
# the window snapshots are drawn but, with another renderer than the reference one, not
# compared pixel for pixel (each test binary says so once). Only the test binaries that draw
# the window run again: nothing else depends on the GPU.
log=$(mktemp)
env -u CI PATH="$shadow" \
    VK_ICD_FILENAMES=/nonexistent/icd.json VK_DRIVER_FILES=/nonexistent/icd.json \
    WGPU_BACKEND=gl \
    cargo test --locked --test gui --test layout --test editor --test player_desktop 2>&1 \
    | tee "$log"
drawn=$(grep -c 'not compared: ' "$log" || true)
rm -f "$log"
if [ "$drawn" -eq 0 ]; then
    echo "fresh machine: no GL adapter was found, so the path with another renderer went untested"; exit 1
fi
echo "fresh machine: cargo test passed with GL only (snapshots drawn, not compared, in $drawn test binaries)"
