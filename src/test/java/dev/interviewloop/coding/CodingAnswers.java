package dev.interviewloop.coding;

/** Answers to the edit-distance question used across the coding tests: the code in fences, with a few words. */
public final class CodingAnswers {

    private CodingAnswers() {
    }

    /** The code of an answer (its fenced block). */
    public static String code(String answer) {
        return CodeBlocks.extract(answer, "min_distance").orElseThrow();
    }

    /** The words of an answer (before its fenced block). */
    public static String words(String answer) {
        return answer.substring(0, answer.indexOf("```")).strip();
    }

    /** Correct, one row of the table: O(n) space. */
    public static final String ONE_ROW = """
            dp[i][j] is the edit distance of the first i characters of word1 and the first j of word2; when the last
            characters match it is dp[i-1][j-1], else 1 + min of delete dp[i-1][j], insert dp[i][j-1] and replace
            dp[i-1][j-1]. Base cases dp[i][0] = i and dp[0][j] = j cover the empty strings. Each row only needs the
            previous one, so I keep one row and save the diagonal before overwriting it: O(mn) time, O(n) space.

            ```python
            def min_distance(word1: str, word2: str) -> int:
                row = list(range(len(word2) + 1))
                for i in range(1, len(word1) + 1):
                    diagonal, row[0] = row[0], i
                    for j in range(1, len(word2) + 1):
                        above = row[j]
                        row[j] = diagonal if word1[i - 1] == word2[j - 1] else 1 + min(above, row[j - 1], diagonal)
                        diagonal = above
                return row[-1]
            ```
            """;

    /** Correct, but the whole table: O(m*n) space. */
    public static final String FULL_TABLE = """
            dp[i][j] is the distance between the prefixes; base cases dp[i][0] = i and dp[0][j] = j.

            ```python
            def min_distance(word1, word2):
                m, n = len(word1), len(word2)
                dp = [[0] * (n + 1) for _ in range(m + 1)]
                for i in range(m + 1):
                    dp[i][0] = i
                for j in range(n + 1):
                    dp[0][j] = j
                for i in range(1, m + 1):
                    for j in range(1, n + 1):
                        if word1[i - 1] == word2[j - 1]:
                            dp[i][j] = dp[i - 1][j - 1]
                        else:
                            dp[i][j] = 1 + min(dp[i - 1][j], dp[i][j - 1], dp[i - 1][j - 1])
                return dp[m][n]
            ```
            """;

    /**
     * The broken solution of the issue: wrong base case, max for min, and the answer read from the wrong cell; its
     * words still state the right recurrence and base cases.
     */
    public static final String BROKEN = """
            dp[i][j] is the edit distance of the prefixes: if the characters match dp[i-1][j-1], else 1 + min of
            delete, insert and replace. Base cases dp[i][0] = i and dp[0][j] = j cover the empty strings. One row is
            enough, so O(n) space.

            ```python
            def min_distance(word1, word2):
                prev = [0] * (len(word2) + 1)
                for i in range(1, len(word1) + 1):
                    cur = [i] + [0] * len(word2)
                    for j in range(1, len(word2) + 1):
                        if word1[i - 1] == word2[j - 1]:
                            cur[j] = prev[j - 1]
                        else:
                            cur[j] = 1 + max(prev[j], cur[j - 1], prev[j - 1])
                    prev = cur
                return prev[len(word2) - 1]
            ```
            """;
}
