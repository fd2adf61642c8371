"""The convolutional teacher: made by `train --recipe teacher`, taught from by `train --teacher`, never run by the app."""

from __future__ import annotations

import json

import pytest
import torch

from fashion_desktop.cli import main
from fashion_desktop.errors import WeightsError
from fashion_desktop.network.model import NeuralNetwork, save_weights
from fashion_desktop.training.loop import teacher_probabilities
from fashion_desktop.training.teacher import ConvTeacher, load_teacher


def test_either_network_loads_as_a_teacher_and_other_files_are_refused_with_the_reason(tmp_path):
    torch.manual_seed(0)
    conv, mlp = ConvTeacher().eval(), NeuralNetwork().eval()
    save_weights(conv, tmp_path / "conv.pth")
    save_weights(mlp, tmp_path / "mlp.pth")
    x = torch.rand(3, 28, 28)
    for path, original in ((tmp_path / "conv.pth", conv), (tmp_path / "mlp.pth", mlp)):
        teacher, sha = load_teacher(path)
        assert type(teacher) is type(original) and not teacher.training and len(sha) == 64
        assert torch.equal(teacher(x), original(x))
    other = {k: v for k, v in conv.state_dict().items() if not k.startswith("classifier.5")}  # no last layer
    torch.save(other, tmp_path / "cut.pth")
    with pytest.raises(WeightsError, match="neither the tutorial's NeuralNetwork nor the convolutional teacher"):
        load_teacher(tmp_path / "cut.pth")
    broken = conv.state_dict()
    broken["classifier.5.bias"][0] = float("nan")
    torch.save(broken, tmp_path / "nan.pth")
    with pytest.raises(WeightsError, match="NaN"):
        load_teacher(tmp_path / "nan.pth")


def test_a_teacher_opened_as_the_apps_weights_is_refused_saying_what_it_is(tmp_path):
    from fashion_desktop.network.architecture import CONV_TEACHER_KEYS
    from fashion_desktop.network.model import read_weights

    assert set(ConvTeacher().state_dict()) == CONV_TEACHER_KEYS  # the network layer names the teacher by these
    save_weights(ConvTeacher(), tmp_path / "teacher.pth")
    with pytest.raises(WeightsError, match="convolutional teacher .* not a network the app runs"):
        read_weights(tmp_path / "teacher.pth")
    # Another CNN with layers of the same names (torchvision's VGG has features.*, classifier.*) is not called one.
    other = {"features.0.weight": torch.zeros(64, 3, 3, 3), "classifier.6.weight": torch.zeros(10, 4096)}
    torch.save(other, tmp_path / "vgg.pth")
    with pytest.raises(WeightsError, match="does not fit the tutorial's NeuralNetwork"):
        read_weights(tmp_path / "vgg.pth")


def test_the_teachers_answers_keep_no_autograd_graph():
    """59,000 images through a CNN with a graph kept would hold gigabytes for a backward pass that never comes."""
    teacher = ConvTeacher()
    soft = teacher_probabilities(teacher, torch.rand(10, 28, 28), temperature=4.0)
    assert not soft.requires_grad and soft.grad_fn is None
    assert torch.allclose(soft.sum(1), torch.ones(10))


def test_train_makes_a_teacher_and_a_student_names_it_in_its_card(train_split, tmp_path):
    teacher = tmp_path / "teacher" / "teacher.pth"
    teacher.parent.mkdir()
    code = main(["train", "--recipe", "teacher", "--subset", "2000", "--epochs", "1", "--out", str(teacher),
                 "--device", "cpu"])
    assert code == 0
    loaded, sha = load_teacher(teacher)
    assert isinstance(loaded, ConvTeacher)
    card = json.loads((teacher.parent / "model_card.json").read_text())
    assert card["model"].startswith("ConvTeacher") and card["training"]["recipe"]["shift_pixels"] == 2
    assert card["weights"]["sha256"] == sha and not card["sketches"] and not card["familiarity"]
    assert not (teacher.parent / "teacher.familiarity.npz").exists()  # the app never runs a teacher
    assert "# Model card: Fashion-MNIST ConvTeacher" in (teacher.parent / "MODEL_CARD.md").read_text()

    student = tmp_path / "student.pth"
    code = main(["train", "--subset", "2000", "--epochs", "1", "--out", str(student), "--photo-like", "0",
                 "--sketches", "0", "--no-familiarity", "--teacher", str(teacher), "--drawings", "20", "--device", "cpu"])
    assert code == 0
    recorded = json.loads((tmp_path / "model_card.json").read_text())["training"]["teacher"]
    assert recorded["sha256"] == sha and recorded["command"] == card["training"]["command"]
    assert "--recipe teacher" in recorded["command"]


def test_init_from_the_other_kind_of_network_is_a_usage_error(tmp_path, capsys):
    save_weights(NeuralNetwork(), tmp_path / "mlp.pth")
    code = main(["train", "--recipe", "teacher", "--init", str(tmp_path / "mlp.pth"), "--out",
                 str(tmp_path / "t.pth"), "--device", "cpu", "--subset", "100"])
    assert code == 2 and "another kind of network" in capsys.readouterr().err
    assert not (tmp_path / "t.pth").exists()
