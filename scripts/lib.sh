# Shared by scripts/run and scripts/test. Sourced, not executed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PAYDESK_BUILD_DIR:-$ROOT/build}"

# Debian packages PayDesk needs to build, test and show its windows.
PAYDESK_PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libgl-dev
    libqrencode-dev libsqlite3-dev xvfb xauth fonts-noto-cjk
)

# Installs only what is missing: nothing happens when everything is present.
ensure_packages() {
    local missing=()
    for p in "${PAYDESK_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing missing packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures once, then builds incrementally. ccache is used when present.
build() {
    local generator=()
    if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
        command -v ninja >/dev/null && generator=(-G Ninja)
        cmake -S "$ROOT" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
    cmake --build "$BUILD_DIR" --parallel "$(nproc)" "$@"
}
