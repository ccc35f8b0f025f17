package dev.interviewloop.knowledge;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A YAML file's lines, to point a problem found after parsing at the line it comes from.
 * Mapping to records loses positions, so the loader finds the line of a {@code key: value} by
 * scanning the text from a known starting line.
 */
record YamlFile(String path, List<String> lines) {

    /**
     * The 1-based line of the first {@code key: value} at or after {@code fromLine} (block or flow
     * style; a null value matches any value), or {@code fromLine} when there is none.
     */
    int lineOf(String key, String value, int fromLine) {
        String valuePart = value == null ? "" : "['\"]?" + Pattern.quote(value) + "['\"]?\\s*($|[,}\\]#])";
        Pattern pattern = Pattern.compile("(^|[\\s{,-])" + Pattern.quote(key) + "\\s*:\\s*" + valuePart);
        for (int i = Math.max(fromLine, 1) - 1; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return Math.max(fromLine, 1);
    }

    /** The 1-based line of the first occurrence of {@code text} at or after {@code fromLine}, or {@code fromLine}. */
    int lineContaining(String text, int fromLine) {
        for (int i = Math.max(fromLine, 1) - 1; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return Math.max(fromLine, 1);
    }
}
