package org.xenproject.supportstatus.supportmd;

/** How far apart two words are, to recognise typos such as {@code Experimenal} or {@code States}. */
final class Spelling {

    private Spelling() {}

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > 3) {
            return Math.abs(n - m);
        }
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[n][m];
    }

    /**
     * Whether {@code word} is a slip of the pen for {@code intended}: one edit for words under
     * twelve letters, two for longer ones. Tight on purpose: {@code Unsupported} is not {@code Supported}.
     */
    static boolean isTypoOf(String word, String intended) {
        if (word.equals(intended)) {
            return false;
        }
        int allowed = intended.length() < 12 ? 1 : 2;
        return distance(word, intended) <= allowed;
    }
}
