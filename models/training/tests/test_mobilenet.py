"""TFLite reader, dequantisation and the ImageNet MobileNetV2 rebuilt from the int8 file (real photos)."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F
from PIL import Image

from radlens_train import mobilenet, tflite

WEIGHTS = "weights/mobilenet-v2-imagenet/tf2_mobilenet_v2_1.0_224_ptq.tflite"
# 1001-class indices (0 = background): the usual ImageNet index + 1
CATS = {282: "tabby", 283: "tiger cat", 284: "Persian cat", 286: "Egyptian cat"}
COFFEE = {968: "espresso", 969: "cup", 505: "coffee mug"}


@pytest.fixture(scope="module")
def model(data_root):
    return tflite.read(data_root / WEIGHTS)


@pytest.fixture(scope="module")
def net(model):
    n = mobilenet.MobileNetV2()
    mobilenet.load_weights(n, model)
    return n.eval()


def test_same_padding_is_asymmetric_for_stride_two_on_even_sizes():
    assert mobilenet.same_pad(224, 3, 2) == (0, 1)
    assert mobilenet.same_pad(7, 3, 2) == (1, 1)
    assert mobilenet.same_pad(14, 3, 1) == (1, 1)
    assert mobilenet.same_pad(14, 1, 1) == (0, 0)
    conv = mobilenet.SameConv(1, 1, 3, 2, relu6=False)
    x = torch.randn(1, 1, 8, 8)
    ref = F.conv2d(F.pad(x, (0, 1, 0, 1)), conv.weight, conv.bias, stride=2)
    assert torch.allclose(conv(x), ref) and conv(x).shape[-1] == 4


def test_reader_sees_the_documented_graph(model):
    kinds = [o.kind for o in model.operators]
    assert len(kinds) == 68 and kinds.count("CONV_2D") == 36 and kinds.count("DEPTHWISE_CONV_2D") == 17
    stem = next(o for o in model.operators if o.kind == "CONV_2D")
    w = model.tensors[stem.inputs[1]]
    assert w.shape == (32, 3, 3, 3) and w.dtype is np.int8 and w.quant.scale.size == 32
    assert stem.options == {"padding": "SAME", "stride_w": 2, "stride_h": 2, "activation": "RELU6",
                            "dilation_w": 1, "dilation_h": 1}


def test_dequantisation_is_per_output_channel(model):
    dw = next(o for o in model.operators if o.kind == "DEPTHWISE_CONV_2D")
    t = model.tensors[dw.inputs[1]]
    assert t.quant.axis == 3
    q, f = model.raw(dw.inputs[1]).astype(np.float64), model.dequantized(dw.inputs[1])
    for c in (0, 5, t.shape[3] - 1):
        np.testing.assert_allclose(f[..., c], t.quant.scale[c] * (q[..., c] - t.quant.zero_point[c]), rtol=1e-6)


def test_not_a_tflite_file_is_named_in_the_error(tmp_path):
    bad = tmp_path / "x.tflite"
    bad.write_bytes(b"\x00" * 64)
    with pytest.raises(tflite.TFLiteError, match="x.tflite"):
        tflite.read(bad)


def _top5(net, photo: np.ndarray):
    im = np.asarray(Image.fromarray(photo).convert("RGB").resize((224, 224), Image.BILINEAR), np.float32)
    x = torch.from_numpy(im / 127.5 - 1).permute(2, 0, 1)[None]
    with torch.no_grad():
        return net(x).softmax(1)[0].topk(5)


def test_float_network_classifies_real_photos(net):
    data = pytest.importorskip("skimage.data")
    cat = _top5(net, data.chelsea())
    assert set(cat.indices.tolist()) & set(CATS), cat
    assert float(sum(p for p, i in zip(cat.values, cat.indices) if int(i) in CATS)) > 0.5
    coffee = _top5(net, data.coffee())
    assert int(coffee.indices[0]) in COFFEE, coffee
    rocket = _top5(net, data.rocket())       # a control: not a cat, not a coffee
    assert not set(rocket.indices.tolist()[:1]) & (set(CATS) | set(COFFEE))


def test_grey_trunk_reproduces_the_rgb_network_on_grey_inputs(net):
    trunk = mobilenet.MobileNetTrunk()
    trunk.load_from(net, mean=0.5, std=0.25)
    u = torch.rand(2, 1, 64, 64)
    with torch.no_grad():
        grey = trunk((u - 0.5) / 0.25)
        x = net.stem((2 * u - 1).repeat(1, 3, 1, 1))
        rgb = []
        for i, b in enumerate(net.blocks[:mobilenet.TRUNK_BLOCKS]):
            x = b(x)
            if i in mobilenet.SKIP_AFTER:
                rgb.append(x)
    assert [f.shape[1] for f in grey] == list(mobilenet.TRUNK_CHANNELS)
    assert [f.shape[-1] for f in grey] == [32, 16, 8, 4]
    for a, b in zip(grey, rgb):
        assert torch.allclose(a, b, atol=1e-4 * max(1.0, float(b.abs().max())))
