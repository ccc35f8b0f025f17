package dev.interviewloop.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the code out of an answer. From fenced blocks ({@code ```python ... ```} or {@code ~~~}): the blocks tagged
 * as Python, or else the untagged ones, joined in order, so a corrected version written later in the answer (or in
 * a later reply) overrides the first (in Python the last {@code def} wins). Without fences, an answer written in code
 * mode is code from its first line that starts a statement ({@code import}, {@code from}, {@code def},
 * {@code class}, a decorator) to its end, when it defines the function at all.
 */
public final class CodeBlocks {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^`\\s]*).*$");
    private static final Set<String> PYTHON = Set.of("python", "py", "python3", "numpy");
    private static final Pattern CODE_START = Pattern.compile("^(import |from |def |class |@)");

    private CodeBlocks() {
    }

    /** The code of {@code answer} that defines or uses {@code function}, if there is any. */
    public static Optional<String> extract(String answer, String function) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        List<String> tagged = new ArrayList<>();
        List<String> untagged = new ArrayList<>();
        List<String> lines = answer.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(1);
            String info = open.group(2).toLowerCase(Locale.ROOT);
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !closes(lines.get(j), fence)) {
                body.append(lines.get(j)).append('\n');
                j++;
            }
            (PYTHON.contains(info) ? tagged : info.isEmpty() ? untagged : new ArrayList<String>()).add(body.toString());
            i = j;
        }
        List<String> blocks = tagged.isEmpty() ? untagged : tagged;
        if (!blocks.isEmpty()) {
            return Optional.of(String.join("\n", blocks));
        }
        if (!answer.contains("def " + function + "(")) {
            return Optional.empty();
        }
        for (int i = 0; i < lines.size(); i++) {
            if (CODE_START.matcher(lines.get(i)).find()) {
                return Optional.of(String.join("\n", lines.subList(i, lines.size())) + "\n");
            }
        }
        return Optional.empty();
    }

    private static boolean closes(String line, String fence) {
        String s = line.strip();
        return s.length() >= fence.length() && s.chars().allMatch(c -> c == fence.charAt(0));
    }
}
