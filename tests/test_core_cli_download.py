"""`fashion-desktop download-data`: the verified downloader with a progress bar on stderr; Ctrl+C cancels."""

from __future__ import annotations

import http.server
import signal
import threading
import time

import pytest

from fashion_desktop.cli import main
from fashion_desktop.dataset import files as data


@pytest.fixture
def mirror(tmp_path, data_mirror):
    """A local mirror holding the real .gz files (file:// goes through the same urllib code); an
    uncompressed install is gzipped for it (tests/conftest.py), so nothing here skips for the data's form."""
    return data_mirror(tmp_path / "mirror")


@pytest.mark.slow  # reads the downloaded files back: real data
def test_download_data_fetches_verifies_and_says_where(tmp_path, mirror, capsys, monkeypatch):
    monkeypatch.setenv("FASHION_DESKTOP_APP_DATA", str(tmp_path / "user"))
    monkeypatch.delenv(data.DATA_ENV, raising=False)
    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "none")
    assert main(["download-data", "--mirror", "file:///nowhere", "--mirror", mirror]) == 0
    out, err = capsys.readouterr()
    folder = tmp_path / "user" / "FashionMNIST" / "raw"
    assert str(folder) in out and "looks for it" in out
    assert "downloading" in err and "100.0%" in err  # the progress bar (plain lines when not a terminal)
    assert data.find_dataset() == folder and len(data.load_split("test")) == 10_000


def test_download_data_into_a_folder_says_how_to_use_it(tmp_path, mirror, capsys):
    assert main(["download-data", str(tmp_path / "mine"), "--mirror", mirror]) == 0
    out = capsys.readouterr().out
    assert f"--data-dir {tmp_path / 'mine'}" in out
    assert data.find_dataset(tmp_path / "mine") == tmp_path / "mine" / "FashionMNIST" / "raw"


class _SlowHandler(http.server.BaseHTTPRequestHandler):
    """Serves 2 MB of anything, 32 KB every 50 ms: long enough to press Ctrl+C in the middle."""

    started = threading.Event()

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        size = 2 << 20
        self.send_response(200)
        self.send_header("Content-Length", str(size))
        self.end_headers()
        self.started.set()
        try:
            for _ in range(size // (32 << 10)):
                self.wfile.write(bytes(32 << 10))
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass  # the client went away: that is the point

    def log_message(self, *args) -> None:
        pass


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="sends SIGINT to the main thread")
def test_ctrl_c_cancels_the_download_and_keeps_no_partial_file(tmp_path, capsys):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SlowHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    main_thread = threading.main_thread().ident

    def press_ctrl_c() -> None:
        if _SlowHandler.started.wait(30):
            time.sleep(0.2)
            signal.pthread_kill(main_thread, signal.SIGINT)

    threading.Thread(target=press_ctrl_c, daemon=True).start()
    before = signal.getsignal(signal.SIGINT)
    try:
        code = main(["download-data", str(tmp_path / "dl"), "--mirror", f"http://127.0.0.1:{server.server_address[1]}/"])
    finally:
        server.shutdown()
        server.server_close()
    assert code == 130
    assert "download cancelled" in capsys.readouterr().err
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # nothing half-written was published
    assert signal.getsignal(signal.SIGINT) is before  # Ctrl+C behaves as before once the command returns
