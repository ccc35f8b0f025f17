def min_distance(word1: str, word2: str) -> int:
    if len(word2) > len(word1):
        word1, word2 = word2, word1  # the row runs over the shorter word: O(min(m, n)) space
    row = list(range(len(word2) + 1))
    for i in range(1, len(word1) + 1):
        diagonal, row[0] = row[0], i
        for j in range(1, len(word2) + 1):
            above = row[j]
            if word1[i - 1] == word2[j - 1]:
                row[j] = diagonal
            else:
                row[j] = 1 + min(above, row[j - 1], diagonal)
            diagonal = above
    return row[-1]
