import numpy as np


def din_attention(query, keys, mask, w1, b1, w2, b2):
    query, keys, mask = np.asarray(query, float), np.asarray(keys, float), np.asarray(mask, float)
    q = np.broadcast_to(query[:, None, :], keys.shape)  # (B, d) -> (B, T, d)
    x = np.concatenate([q, keys, q - keys, q * keys], axis=-1)  # (B, T, 4d)
    hidden = np.maximum(x @ np.asarray(w1, float) + np.asarray(b1, float), 0.0)  # (B, T, H)
    weights = hidden @ np.asarray(w2, float) + b2  # (B, T), no softmax
    weights = weights * mask  # padding weighs nothing
    return np.einsum("bt,btd->bd", weights, keys)
