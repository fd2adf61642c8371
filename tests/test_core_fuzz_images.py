"""Fuzzing the image path: damaged files and odd arrays yield the project's own errors, nothing else.

Seeds are small valid images in every format the app opens; hypothesis mutates their bytes (flips,
overwrites, cuts, splices, inserted junk) and also builds random arrays. Whatever comes in, the
loader and preprocessing either return the network's 28×28 input or raise a
`FashionDesktopError` (an ImageError with a sentence for the user). Any other exception, or a
hang, is a bug. Bounded: a fixed number of examples per test and no per-example deadline, so a
slow CI machine does not turn into false failures; the run's length is printed with -s.
"""

from __future__ import annotations

import io
import signal
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from fashion_desktop.errors import FashionDesktopError
from fashion_desktop.images import preprocess as P

# Pillow warns (rightly) about the damaged TIFF tags the mutations make; the warnings are not the test.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:PIL.TiffImagePlugin")

EXAMPLES = 300
CASE_LIMIT_S = 20  # one case running longer than this is a hang (POSIX only: it needs SIGALRM)


def _exif_rotated() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise
    exif[0x010F] = "fuzz camera"  # Make
    return exif.tobytes()


def _seed_images() -> dict[str, bytes]:
    rng = np.random.default_rng(7)
    grey = np.zeros((40, 32), np.uint8)
    grey[6:34, 8:24] = rng.integers(120, 255, (28, 16))
    rgb = np.stack([grey, grey // 2, 255 - grey], axis=-1)
    seeds: dict[str, bytes] = {}
    for fmt, image, options in (
        ("PNG", Image.fromarray(grey), {}),
        ("PNG", Image.fromarray(rgb).convert("P"), {"transparency": 0}),
        ("PNG", Image.fromarray(grey.astype(np.uint16) * 257), {}),
        ("JPEG", Image.fromarray(rgb), {"quality": 80}),
        ("JPEG", Image.fromarray(rgb).convert("CMYK"), {}),
        ("GIF", Image.fromarray(grey).convert("P"), {"save_all": True,
                                                    "append_images": [Image.fromarray(255 - grey).convert("P")]}),
        ("WEBP", Image.fromarray(rgb), {"quality": 70}),
        ("WEBP", Image.fromarray(np.dstack([rgb, grey])), {"lossless": True}),
        ("BMP", Image.fromarray(rgb), {}),
        ("TIFF", Image.fromarray(grey), {}),
        ("JPEG", Image.fromarray(rgb), {"exif": _exif_rotated()}),  # so the EXIF block is fuzzed too
    ):
        buffer = io.BytesIO()
        image.save(buffer, fmt, **options)
        seeds[f"{fmt}-{image.mode}{'-exif' if 'exif' in options else ''}"] = buffer.getvalue()
    return seeds


SEEDS = _seed_images()


@st.composite
def mutated(draw) -> bytes:
    """A seed image with a few random edits: the kinds of damage real files suffer."""
    data = bytearray(SEEDS[draw(st.sampled_from(sorted(SEEDS)))])
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "overwrite", "truncate", "insert", "delete", "header"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=16))
            data[at : at + len(chunk)] = chunk
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        else:  # sizes and counts live in the first bytes: make them extreme
            data[min(at, 32) : min(at, 32) + 4] = draw(st.sampled_from(
                [b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"\x7f\xff\xff\xff", b"\x00\x01\x00\x00"]))
    return bytes(data)


def _classify_bytes(data: bytes) -> None:
    try:
        P.prepare_image(P.decode_image(io.BytesIO(data), "fuzzed"))
    except FashionDesktopError as exc:
        assert str(exc), "a project error must carry a message for the user"


_timing: dict[str, list[float]] = {}


def _hang(_signum, _frame):
    raise TimeoutError(f"one fuzzing case ran over {CASE_LIMIT_S} s: a hang")


def _timed(name: str):
    """Start timing one case and arm the hang alarm; call the result when the case is done."""
    start = time.perf_counter()
    _timing.setdefault(name, [0.0, 0])
    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, _hang)
        signal.alarm(CASE_LIMIT_S)

    def done() -> None:
        if hasattr(signal, "SIGALRM"):
            signal.alarm(0)
        _timing[name][0] += time.perf_counter() - start
        _timing[name][1] += 1

    return done


@pytest.fixture(scope="module", autouse=True)
def report_fuzzing_time():
    yield
    for name, (seconds, count) in _timing.items():
        print(f"\nfuzz {name}: {count} cases in {seconds:.1f} s")


@pytest.mark.parametrize("error", [AttributeError("bug"), TypeError("bug"), KeyError("bug"), RuntimeError("bug")])
def test_a_programming_error_while_decoding_is_not_called_a_damaged_file(monkeypatch, error):
    """Only what decoders raise for bad data becomes "damaged"; a bug surfaces (the window reports it)."""
    def broken(_image, **_options):  # exif_transpose takes in_place=
        raise error

    monkeypatch.setattr(P, "_shrink_while_decoding", broken)
    with pytest.raises(type(error)):
        P.decode_image(io.BytesIO(SEEDS["PNG-L"]), "good.png")
    monkeypatch.setattr(P.ImageOps, "exif_transpose", broken)
    monkeypatch.setattr(P, "_shrink_while_decoding", lambda _image: None)
    with pytest.raises(type(error)):
        P.decode_image(io.BytesIO(SEEDS["PNG-L"]), "good.png")


@pytest.mark.parametrize("error", [AttributeError("bug"), TypeError("bug"), KeyError("bug"), RuntimeError("bug")])
def test_a_programming_error_while_preparing_is_not_called_an_unconvertible_picture(monkeypatch, error):
    """The same for the step after decoding: only Pillow's refusals to convert a mode become a project error."""
    def broken(_image):
        raise error

    image = P.decode_image(io.BytesIO(SEEDS["PNG-L"]), "good.png")
    monkeypatch.setattr(P, "luminance", broken)
    with pytest.raises(type(error)):
        P.prepare_image(image)


def test_a_mode_pillow_cannot_convert_is_a_project_error():
    with pytest.raises(FashionDesktopError, match="pixel format"):
        P.prepare_image(Image.new("La", (10, 10)))


def test_a_broken_exif_block_keeps_the_picture(monkeypatch):
    def damaged(_image, **_options):
        raise SyntaxError("not a TIFF IFD")

    monkeypatch.setattr(P.ImageOps, "exif_transpose", damaged)
    assert P.decode_image(io.BytesIO(SEEDS["JPEG-RGB-exif"]), "photo.jpg").size == (32, 40)


def test_every_seed_is_a_valid_image():
    """The seeds themselves decode: mutations start from real files of every format."""
    for name, data in SEEDS.items():
        P.prepare_image(P.decode_image(io.BytesIO(data), name))


@settings(max_examples=3 * EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_mutated_files_give_only_project_errors(data):
    done = _timed("mutated files")
    try:
        _classify_bytes(data)
    finally:
        done()


@settings(max_examples=EXAMPLES // 3, deadline=None, derandomize=True)
@given(st.binary(max_size=2048))
def test_random_bytes_give_only_project_errors(data):
    done = _timed("random bytes")
    try:
        _classify_bytes(data)
    finally:
        done()


_dtypes = st.sampled_from([np.uint8, np.uint16, np.int32, np.float32, np.float64, np.bool_])


@st.composite
def arrays(draw) -> np.ndarray:
    """Random shapes, types and values, including NaN, infinities, huge and negative numbers."""
    ndim = draw(st.sampled_from([2, 2, 2, 3, 3, 0, 1, 4]))
    shape = tuple(draw(st.integers(0, 300)) for _ in range(min(ndim, 2))) + tuple(
        draw(st.sampled_from([1, 2, 3, 4, 5])) for _ in range(max(0, ndim - 2)))
    dtype = draw(_dtypes)
    size = int(np.prod(shape)) if shape else 1
    if size > 200_000:
        shape = (draw(st.integers(1, 300)), draw(st.integers(1, 300)))
        size = shape[0] * shape[1]
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    fill = draw(st.sampled_from(["noise", "constant", "specials", "block"]))
    if fill == "noise":
        values = rng.uniform(-1e3, 1e5, size)
    elif fill == "constant":
        values = np.full(size, draw(st.sampled_from([0.0, 1.0, 255.0, 65535.0, -5.0])))
    elif fill == "specials":
        values = rng.choice([np.nan, np.inf, -np.inf, 0.0, 255.0, 1e30], size)
    else:
        values = np.zeros(size)
        if size:
            values[: max(1, size // 3)] = 255.0
    with np.errstate(invalid="ignore", over="ignore"):
        return values.reshape(shape).astype(dtype) if dtype is not np.bool_ else values.reshape(shape) > 0


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(arrays(), st.sampled_from([None, True, False]))
def test_random_arrays_give_only_project_errors(array, light_on_dark):
    done = _timed("random arrays")
    try:
        try:
            out = P.prepare_grey(array, light_on_dark=light_on_dark)
        except FashionDesktopError as exc:
            assert str(exc)
        else:
            assert out.pixels.shape == (28, 28) and out.pixels.dtype == np.float32
            assert np.isfinite(out.pixels).all() and out.pixels.min() >= 0 and out.pixels.max() <= 1
        try:
            P.prepare_image(P.from_array(array))
        except FashionDesktopError as exc:
            assert str(exc)
    finally:
        done()
