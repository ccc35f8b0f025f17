import numpy as np


def cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels)
    shifted = logits - logits.max(axis=1, keepdims=True)  # no overflow in exp
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))  # per row, over the classes
    return float(-log_probs[np.arange(len(labels)), labels].mean())
