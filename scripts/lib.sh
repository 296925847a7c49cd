# Shared by scripts/run and scripts/test. Sourced, not executed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PAYDESK_BUILD_DIR:-$ROOT/build}"

# Debian packages PayDesk needs to build, test and show its windows.
PAYDESK_PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libgl-dev
    libqrencode-dev libsqlite3-dev xvfb xauth fonts-noto-cjk
    help2man desktop-file-utils
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

# Proves that PAYDESK_PACKAGES pulls in (through Depends alone) every CMake package and library
# the configure step used: a package that is only a Recommends, or was installed by hand on this
# machine, would pass here and fail on a fresh one. Uses the shared tool next to the project when
# present, else the copy in scripts/ (the same script).
check_packages() {
    local tool="$ROOT/../shared/tools/check-packages"
    [ -x "$tool" ] || tool="$ROOT/scripts/check-packages"
    "$tool" "$BUILD_DIR" "${PAYDESK_PACKAGES[@]}"
}

# Configures once (later runs reuse the cache). ccache is used when present.
configure() {
    local generator=()
    if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
        command -v ninja >/dev/null && generator=(-G Ninja)
        cmake -S "$ROOT" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
}

# Configures once, then builds incrementally.
build() {
    configure
    cmake --build "$BUILD_DIR" --parallel "$(nproc)" "$@"
}
