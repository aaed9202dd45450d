"""Optimal one-to-one assignment (the Hungarian method), for small score matrices.

>>> best_pairs([[0.9, 0.8], [0.85, 0.1]])
[(0, 1), (1, 0)]
>>> best_pairs([[0.2, 0.9, 0.1]])
[(0, 1)]
"""
from __future__ import annotations


def best_pairs(scores: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs ``(row, column)`` maximising the total score, each row and column used once
    (a rectangular matrix leaves the surplus rows or columns unpaired)."""
    rows = len(scores)
    cols = len(scores[0]) if rows else 0
    if not rows or not cols:
        return []
    n = max(rows, cols)
    top = max(max(r) for r in scores)
    # minimise cost = top - score on a square matrix padded with top (score 0)
    cost = [[(top - scores[i][j]) if i < rows and j < cols else top for j in range(n)]
            for i in range(n)]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    p, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [(p[j] - 1, j - 1) for j in range(1, n + 1) if p[j] and p[j] - 1 < rows and j - 1 < cols]
    return sorted(pairs)
