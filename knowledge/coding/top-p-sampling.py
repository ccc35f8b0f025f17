import math


def top_p_filter(logits, temperature, p):
    n = len(logits)
    if temperature <= 0:
        best = max(range(n), key=lambda i: logits[i])
        return [1.0 if i == best else 0.0 for i in range(n)]
    scaled = [x / temperature for x in logits]
    top = max(scaled)
    weights = [math.exp(x - top) for x in scaled]  # minus the maximum: no overflow
    total = math.fsum(weights)
    order = sorted(range(n), key=lambda i: -weights[i])
    kept, mass = [], 0.0
    for i in order:
        kept.append(i)
        mass += weights[i] / total
        if mass >= p:  # the token that crosses p stays in; at least one token is kept
            break
    kept_mass = math.fsum(weights[i] for i in kept)
    probs = [0.0] * n
    for i in kept:
        probs[i] = weights[i] / kept_mass
    return probs
