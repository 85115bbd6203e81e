package org.xenproject.supportstatus.imports;

import java.util.List;
import java.util.regex.Pattern;

/** The branches to import, as glob patterns: {@code *} any run of characters, {@code ?} one character. */
public final class BranchPatterns {

    private final List<Pattern> patterns;

    public BranchPatterns(List<String> globs) {
        this.patterns = globs.stream().map(BranchPatterns::toRegex).toList();
    }

    public boolean matches(String branch) {
        return patterns.stream().anyMatch(p -> p.matcher(branch).matches());
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.trim().toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
