"""The model session without Qt: answers, GPU fallback, preview, the untrained switch, bad weights, devices."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
import torch

from fashion_desktop.errors import WeightsError
from fashion_desktop.images.preprocess import prepare_canvas
from fashion_desktop.live import session as session_module
from fashion_desktop.live.records import Failure, ModelInfo, Request
from fashion_desktop.live.session import ModelSession, SessionEvents
from fashion_desktop.network.device import DeviceChoice
from fashion_desktop.network.inference import STAGES, Predictor
from fashion_desktop.network.model import NeuralNetwork, load_model, read_weights, save_weights, state_to_numpy
from fashion_desktop.network.orientation import face_left
from fashion_desktop.network.untrained import untrained_network

CUDA_ERROR = "CUDA error: an illegal memory access was encountered"


class Recorder:
    """Collects what the session reports between calls."""

    def __init__(self) -> None:
        self.models: list[ModelInfo] = []
        self.notices: list[str] = []
        self.failures: list[Failure] = []
        self.events = SessionEvents(model_changed=self.models.append, device_failed=self.notices.append,
                                    failed=self.failures.append)


class FailingGpuPredictor:
    """Stands in for a predictor on a GPU whose forward pass fails: reports 'cuda:0', raises on predict/to."""

    def __init__(self, real: Predictor) -> None:
        self.model = real.model
        self.device = torch.device("cuda", 0)
        self.calls = 0

    def predict(self, *_args, **_kwargs):
        self.calls += 1
        raise RuntimeError(CUDA_ERROR)

    def to(self, device):
        raise RuntimeError(CUDA_ERROR)  # a dead context cannot even copy the weights back

    def close(self) -> None:
        pass


def garment(seed: int) -> np.ndarray:
    """A 280×280 light blob on black, different for each seed."""
    rng = np.random.default_rng(seed)
    grey = np.zeros((280, 280), np.uint8)
    top, left = rng.integers(10, 120, 2)
    height, width = rng.integers(60, 150, 2)
    grey[top : top + height, left : left + width] = 255
    return grey


def weights_file(tmp_path, seed: int):
    torch.manual_seed(seed)
    path = tmp_path / f"weights_{seed}.pth"
    save_weights(NeuralNetwork(), path)
    return path


def fresh_cpu_probabilities(model: torch.nn.Module, grey: np.ndarray) -> np.ndarray:
    """What a freshly built CPU predictor says about this drawing."""
    predictor = Predictor(model, "cpu")
    return predictor.predict(face_left(predictor, prepare_canvas(grey).pixels)[0]).probabilities


@pytest.fixture
def weights(tmp_path):
    return weights_file(tmp_path, 1)


@pytest.fixture
def recorder():
    return Recorder()


@pytest.fixture
def session(weights, recorder):
    session = ModelSession(recorder.events)
    session.start(weights, "cpu", leave_for_gui=None)
    return session


def ask(session: ModelSession, grey: np.ndarray, request_id: int = 1, **kwargs):
    return session.answer(Request(request_id, grey=grey), **kwargs)


def test_a_drawing_gets_probabilities_and_every_stage(session, recorder, weights):
    assert len(recorder.models) == 1 and recorder.models[0].device == "cpu"
    assert recorder.models[0].weights_path == str(weights) and not recorder.models[0].shipped
    result = ask(session, garment(1))
    assert not result.error and result.pixels.shape == (28, 28)
    assert np.allclose(result.prediction.probabilities, fresh_cpu_probabilities(load_model(weights)[0], garment(1)),
                       atol=1e-6)
    assert list(result.prediction.activations) == [name for name, _ in STAGES]
    assert session.inferences == 1 and session.last.id == 1


def test_an_empty_canvas_is_nothing_to_classify(session):
    result = ask(session, np.zeros((280, 280), np.uint8))
    assert result.empty and result.message and result.prediction is None
    assert session.inferences == 0


def test_a_request_overtaken_while_preprocessing_is_dropped_before_the_forward_pass(session):
    assert ask(session, garment(1), superseded=lambda: True) is None
    assert session.inferences == 0


def test_without_weights_the_request_waits_for_a_model(weights, recorder):
    session = ModelSession(recorder.events)
    result = ask(session, garment(2), request_id=7)
    assert result.error and "No weights" in result.message
    assert session.last.id == 7  # asked again once weights load
    session.load(weights)
    assert recorder.models and session.has_model


# ------------------------------------------------------------------ the GPU fails mid-session


def test_a_gpu_failing_mid_forward_falls_back_to_the_cpu_and_answers_there(session, recorder, weights):
    fake = session.predictor = FailingGpuPredictor(session.predictor)
    drawing = garment(3)
    result = ask(session, drawing)
    assert fake.calls == 1
    expected = fresh_cpu_probabilities(load_model(weights)[0], drawing)
    assert not result.error and result.prediction.device == "cpu"
    assert np.allclose(result.prediction.probabilities, expected, atol=1e-6)
    assert len(recorder.notices) == 1
    notice = recorder.notices[0]
    assert "cuda:0 failed" in notice and "illegal memory access" in notice and "CPU" in notice
    info = recorder.models[-1]
    assert info.device == "cpu" and info.device_notice == notice and info.requested_device == "cpu"
    assert session.predictor is not fake and session.predictor.device.type == "cpu"
    again = ask(session, garment(4), request_id=2)  # the next drawing goes straight to the CPU
    assert fake.calls == 1 and len(recorder.notices) == 1
    assert np.allclose(again.prediction.probabilities, fresh_cpu_probabilities(load_model(weights)[0], garment(4)),
                       atol=1e-6)


def test_a_gpu_failing_while_the_untrained_network_answers_keeps_it_untrained(session, recorder, weights):
    session.use_untrained(True)
    session.predictor = FailingGpuPredictor(session.predictor)
    result = ask(session, garment(5))
    assert np.allclose(result.prediction.probabilities, fresh_cpu_probabilities(untrained_network(), garment(5)),
                       atol=1e-6)
    assert recorder.models[-1].untrained and recorder.notices
    session.use_untrained(False)  # and the trained weights come back, rebuilt on the CPU from the file's copy
    loaded = read_weights(weights).state_dict
    state = session.predictor.model.state_dict()
    assert all(torch.equal(state[k], loaded[k]) for k in loaded)


def test_a_preview_failing_on_the_gpu_falls_back_and_keeps_previewing(session, recorder, tmp_path):
    other = load_model(weights_file(tmp_path, 2))[0]
    session.preview(state_to_numpy(other.state_dict()), "epoch 2")
    session._preview = session._preview.__class__(FailingGpuPredictor(session._preview.predictor), "epoch 2",
                                                  session._preview.state)
    result = ask(session, garment(6))
    assert result.preview == "epoch 2" and recorder.notices
    assert np.allclose(result.prediction.probabilities, fresh_cpu_probabilities(other, garment(6)), atol=1e-6)


def test_a_failure_on_the_cpu_is_reported_not_retried(session, recorder, monkeypatch):
    calls = []

    def fail(*_args, **_kwargs):
        calls.append(1)
        raise RuntimeError("simulated CPU failure")

    monkeypatch.setattr(session.predictor, "predict", fail)
    result = ask(session, garment(7))
    assert result.error and "simulated CPU failure" in result.message
    assert calls == [1] and recorder.notices == [] and session.inferences == 0


# ------------------------------------------------------------------ preview and the untrained switch


def test_preview_weights_answer_until_switched_off(session, recorder, weights, tmp_path):
    other = load_model(weights_file(tmp_path, 2))[0]
    drawing = garment(8)
    session.preview(state_to_numpy(other.state_dict()), "epoch 3")
    result = ask(session, drawing)
    assert result.preview == "epoch 3"
    assert np.allclose(result.prediction.probabilities, fresh_cpu_probabilities(other, drawing), atol=1e-6)
    assert len(recorder.models) == 1  # the loaded model stays the loaded model
    session.preview(None)
    result = ask(session, drawing, request_id=2)
    assert result.preview == ""
    assert np.allclose(result.prediction.probabilities, fresh_cpu_probabilities(load_model(weights)[0], drawing),
                       atol=1e-6)


def test_preview_weights_that_do_not_fit_are_refused_and_the_old_preview_stays(session, tmp_path):
    other = load_model(weights_file(tmp_path, 2))[0]
    session.preview(state_to_numpy(other.state_dict()), "epoch 1")
    with pytest.raises(WeightsError):
        session.preview({"linear_relu_stack.0.weight": np.zeros((3, 3), np.float32)}, "broken")
    result = ask(session, garment(9))
    assert result.preview == "epoch 1"
    assert np.allclose(result.prediction.probabilities, fresh_cpu_probabilities(other, garment(9)), atol=1e-6)


def test_the_untrained_switch_round_trips_the_trained_weights_bit_exactly(session, recorder, weights):
    session.use_untrained(True)
    session.use_untrained(True)  # already on: nothing happens
    assert [m.untrained for m in recorder.models] == [False, True]
    result = ask(session, garment(10))
    assert np.allclose(result.prediction.probabilities, fresh_cpu_probabilities(untrained_network(), garment(10)),
                       atol=1e-6)
    session.use_untrained(False)
    assert [m.untrained for m in recorder.models] == [False, True, False]
    loaded = read_weights(weights).state_dict
    state = session.predictor.model.state_dict()
    assert set(state) == set(loaded) and all(torch.equal(state[k], loaded[k]) for k in loaded)
    assert all(np.array_equal(recorder.models[-1].state[k], loaded[k].numpy()) for k in loaded)


def test_loading_new_weights_ends_the_untrained_view(session, recorder, tmp_path):
    session.use_untrained(True)
    other = weights_file(tmp_path, 2)
    session.load(other)
    assert not session.untrained and not recorder.models[-1].untrained
    assert recorder.models[-1].weights_path == str(other)


# ------------------------------------------------------------------ weights and devices


@pytest.mark.parametrize("content", [b"this is not a weights file", None])
def test_bad_weights_are_refused_and_the_old_model_stays(session, recorder, weights, tmp_path, content):
    bad = tmp_path / "bad.pth"
    if content is None:
        torch.save({"linear_relu_stack.0.weight": torch.zeros(3, 3)}, bad)  # a real file of the wrong shape
    else:
        bad.write_bytes(content)
    before = session.predictor
    with pytest.raises(WeightsError):
        session.load(bad)
    assert session.predictor is before and len(recorder.models) == 1
    result = ask(session, garment(11))
    assert np.allclose(result.prediction.probabilities, fresh_cpu_probabilities(load_model(weights)[0], garment(11)),
                       atol=1e-6)


@pytest.mark.hardware  # skips where CUDA is present: nothing absent to ask for
def test_moving_to_the_cpu_and_to_an_absent_device(session, recorder):
    session.move("cpu")
    assert recorder.models[-1].device == "cpu" and recorder.models[-1].requested_device == "cpu"
    if torch.cuda.is_available():
        pytest.skip("CUDA is present here: there is no absent device to ask for")
    session.move("cuda")
    info = recorder.models[-1]
    assert info.device == "cpu" and info.requested_device == "cuda"
    assert "not available" in info.device_notice and "using the CPU" in info.device_notice
    assert not ask(session, garment(12)).error


def test_a_device_that_fails_while_moving_leaves_the_model_on_the_cpu(session, recorder, weights, monkeypatch):
    # The driver says the GPU is there, then copying the weights onto it fails.
    monkeypatch.setattr(session_module, "choose_device", lambda asked: DeviceChoice(torch.device("cuda", 0), asked))
    real_to = Predictor.to

    def to(self, device):
        if torch.device(device).type != "cpu":
            raise RuntimeError(CUDA_ERROR)
        return real_to(self, device)

    monkeypatch.setattr(Predictor, "to", to)
    with pytest.raises(RuntimeError, match="illegal memory access"):
        session.move("cuda")
    info = recorder.models[-1]
    assert info.device == "cpu" and "cuda:0 failed" in info.device_notice
    result = ask(session, garment(13))
    assert np.allclose(result.prediction.probabilities, fresh_cpu_probabilities(load_model(weights)[0], garment(13)),
                       atol=1e-6)


# ------------------------------------------------------------------ saliency


def test_saliency_explains_the_top_class_or_the_chosen_one(session):
    session.set_saliency(True)
    result = ask(session, garment(14))
    assert result.saliency.shape == (28, 28) and result.saliency_class == result.prediction.index
    session.set_saliency(True, 3)
    assert ask(session, garment(14), request_id=2).saliency_class == 3
    session.set_saliency(False)
    assert ask(session, garment(14), request_id=3).saliency is None


def test_a_failing_saliency_switches_the_overlay_off_and_keeps_the_prediction(session, recorder):
    session.set_saliency(True, 99)  # no such class
    result = ask(session, garment(15))
    assert not result.error and result.saliency is None
    assert [f.kind for f in recorder.failures] == ["saliency"] and "switched off" in recorder.failures[0].message
    assert ask(session, garment(15), request_id=2).saliency is None and len(recorder.failures) == 1


# ------------------------------------------------------------------ what the window imports at start-up


def test_records_and_device_choices_import_no_torch():
    code = ("import sys, fashion_desktop.live.records, fashion_desktop.network.device_choices\n"
            "assert 'torch' not in sys.modules, sorted(m for m in sys.modules if m.startswith('torch'))")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_one_device_list():
    from fashion_desktop.network import device, device_choices

    assert device.CHOICES == device_choices.CHOICES == tuple(k.name for k in device_choices.DEVICE_KINDS)
    assert {d.name for d in device.available_devices()} == {k.name for k in device_choices.DEVICE_KINDS
                                                             if k.name != "auto"}
    from fashion_desktop.cli import common  # the CLI's --device reads the same list

    assert tuple(n for n in common.DEVICE_NAMES if ":" not in n) == device_choices.CHOICES
    assert [common.device_name(n.upper()) for n in (*device_choices.CHOICES, "cuda:1")] == [*device_choices.CHOICES, "cuda:1"]


def test_the_shipped_weights_answer_with_their_familiarity():
    """The window can only say "this does not look like a garment" when the session passes the
    familiarity fitted for the loaded weights to its predictor; other weights claim nothing."""
    session = ModelSession()
    session.start(None, "cpu", None)
    grey = np.zeros((448, 448), np.uint8)
    grey[100:350, 150:300] = 255
    result = session.answer(Request(1, grey=grey))
    assert result.prediction.familiarity is not None and 0.0 <= result.prediction.familiarity <= 1.0
