import numpy as np

from radlens_train import preprocess as P


def test_square_image_at_target_size_is_unchanged_by_letterbox():
    img = np.random.RandomState(0).rand(32, 32).astype(np.float32)
    out, lb = P.letterbox(img, 32)
    assert lb.k == 1 and (lb.ox, lb.oy) == (0, 0)
    np.testing.assert_allclose(out, img, atol=1e-6)


def test_non_square_is_centred_with_padding():
    img = np.ones((20, 40), np.float32)
    out, lb = P.letterbox(img, 20, pad_value=-1)
    assert (lb.k, lb.ox, lb.oy) == (0.5, 0, 5)
    assert (out[:5] == -1).all() and (out[15:] == -1).all() and np.allclose(out[5:15], 1)


def test_box_reduce_averages_blocks_including_partial_edges():
    img = np.arange(15, dtype=np.float32).reshape(3, 5)
    red = P.box_reduce(img, 2)
    assert red.shape == (2, 3)
    assert red[0, 0] == np.mean([0, 1, 5, 6]) and red[1, 2] == 14 and red[0, 2] == np.mean([4, 9])


def test_percentile_window_nearest_rank():
    img = np.arange(1000, dtype=np.float32).reshape(10, 100)
    w = P.percentile_window(img, 1, 99)
    assert w.min() == 0 and w.max() == 1
    assert np.isclose(w.ravel()[9], 0) and np.isclose(w.ravel()[989], 1)


def test_unletterbox_maps_a_map_back_to_the_source_grid():
    yy, xx = np.mgrid[0:30, 0:60].astype(np.float32)
    img = 0.3 * xx + 0.7 * yy               # bilinear resampling is exact on linear images (away from edges)
    out, lb = P.letterbox(img, 120)
    back = P.unletterbox(out, lb)
    assert back.shape == img.shape
    np.testing.assert_allclose(back[2:-2, 2:-2], img[2:-2, 2:-2], atol=1e-4)
