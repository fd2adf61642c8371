#!/bin/sh
# Install Fashion Desktop from the unpacked .tar.gz, for people without dpkg (or without root).
#
#   ./install.sh                 per user: ~/.local/opt/fashion-desktop, ~/.local/bin, menu entry, icons
#   ./install.sh --system        everyone: /opt/fashion-desktop, /usr/local/bin, /usr/local/share (sudo)
#   ./install.sh --uninstall [--system]
#
# An upgrade replaces the whole app folder (never merges), so files of an older version cannot linger.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
name=fashion-desktop
scope=user
action=install
for arg in "$@"; do
    case "$arg" in
        --system) scope=system ;;
        --uninstall) action=uninstall ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
    esac
done

if [ "$scope" = system ]; then
    app_dir=/opt/$name
    bin_dir=/usr/local/bin
    share_dir=/usr/local/share
    if [ "$(id -u)" -ne 0 ]; then
        exec sudo "$0" "$@"
    fi
else
    app_dir=$HOME/.local/opt/$name
    bin_dir=$HOME/.local/bin
    share_dir=${XDG_DATA_HOME:-$HOME/.local/share}
fi

desktop_name=$(cd "$here/share/applications" && ls ./*.desktop | head -n 1 | sed 's|^\./||')
app_id=${desktop_name%.desktop}

refresh_caches() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share_dir/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && \
        gtk-update-icon-cache -q -t -f "$share_dir/icons/hicolor" 2>/dev/null || true
}

if [ "$action" = uninstall ]; then
    rm -rf "$app_dir"
    rm -f "$bin_dir/$name" "$share_dir/applications/$desktop_name"
    find "$share_dir/icons/hicolor" -name "$app_id.*" -delete 2>/dev/null || true
    refresh_caches
    echo "Fashion Desktop removed from $app_dir"
    exit 0
fi

# Copy next to the target, then swap: an interrupted install never leaves half an app.
staging="$app_dir.new.$$"
trap 'rm -rf "$staging"' EXIT INT TERM
mkdir -p "$(dirname "$app_dir")" "$bin_dir" "$share_dir/applications"
cp -a "$here/$name" "$staging"
rm -rf "$app_dir.old"
[ -e "$app_dir" ] && mv "$app_dir" "$app_dir.old"
mv "$staging" "$app_dir"
rm -rf "$app_dir.old"

printf '#!/bin/sh\nexec "%s/%s" "$@"\n' "$app_dir" "$name" > "$bin_dir/$name"
chmod 755 "$bin_dir/$name"
# The menu entry gets the launcher's full path: ~/.local/bin is not on every desktop session's PATH.
sed -e "s|^Exec=.*|Exec=$bin_dir/$name %F|" -e "s|^TryExec=.*|TryExec=$bin_dir/$name|" \
    "$here/share/applications/$desktop_name" > "$share_dir/applications/$desktop_name"
chmod 644 "$share_dir/applications/$desktop_name"
mkdir -p "$share_dir/icons"
cp -R "$here/share/icons/hicolor" "$share_dir/icons/"
refresh_caches

echo "Fashion Desktop installed in $app_dir"
echo "Start it from the applications menu, or run: $bin_dir/$name"
case ":$PATH:" in *":$bin_dir:"*) ;; *) echo "(note: $bin_dir is not on your PATH)";; esac
