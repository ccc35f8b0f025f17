package dev.interviewloop.interview;

import dev.interviewloop.knowledge.Persona;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interviewer without an LLM: each move is worded from the persona's {@code voice} lines, with the
 * placeholders filled from the {@link MoveContext}. The line is picked from the session's seed and
 * the message's position, so a session replays identically, and never the same line twice in a row
 * for one move when the persona has more than one. A line that leaves out what the move must carry
 * (the prompt, the hint, the correction) gets it appended, so content never depends on a template's wording.
 */
@ApplicationScoped
@DefaultBean
public class BuiltInVoice implements InterviewerVoice {

    public static final String NAME = "built-in";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(prompt|hint|correction|name|role|title)}");

    /** Used when a persona has no lines for a move (only opening, ask and closing are required). */
    private static final Map<Move, List<String>> FALLBACK = Map.of(
            Move.PROBE, List.of("{prompt}"),
            Move.CHALLENGE, List.of("I don't think that's right. {correction}"),
            Move.HINT, List.of("A hint: {hint}"),
            Move.DRILL, List.of("Good. {prompt}"),
            Move.CLARIFY, List.of("Let me put it another way: {prompt}"),
            Move.ACKNOWLEDGE, List.of("OK."),
            Move.MOVE_ON, List.of("Let's move on."),
            Move.FAILING_TESTS, List.of("Your code fails a test. {prompt}"));

    private static final String NO_MORE_HINTS = "That was the last hint I can give. The question stands: {prompt}";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Utterance speak(MoveContext ctx, Consumer<String> onDelta) {
        String text = compose(ctx);
        for (String piece : pieces(text)) {
            onDelta.accept(piece);
        }
        return Utterance.of(text, NAME);
    }

    String compose(MoveContext ctx) {
        if (ctx.move() == Move.HINT && ctx.hint() == null) {
            return render(NO_MORE_HINTS, ctx);
        }
        List<String> lines = ctx.persona().lines(ctx.move().line());
        if (lines.isEmpty()) {
            lines = FALLBACK.getOrDefault(ctx.move(), List.of("{prompt}"));
        }
        int index = Math.floorMod(mix(ctx.seed(), ctx.seq()), lines.size());
        String text = complete(render(lines.get(index), ctx), lines.get(index), ctx);
        if (lines.size() > 1 && text.equals(ctx.previousLine())) {
            String next = lines.get((index + 1) % lines.size());
            text = complete(render(next, ctx), next, ctx);
        }
        return text;
    }

    /** Appends what the move must carry when the persona's line has no placeholder for it. */
    private static String complete(String text, String line, MoveContext ctx) {
        String must = switch (ctx.move()) {
            case ASK, PROBE, DRILL, CLARIFY, FAILING_TESTS -> has(line, "prompt") ? null : ctx.prompt();
            case HINT -> has(line, "hint") ? null : ctx.hint();
            case CHALLENGE -> has(line, "correction") || has(line, "prompt") ? null
                    : ctx.prompt() != null ? ctx.prompt() : ctx.correction();
            default -> null;
        };
        return must == null || must.isBlank() ? text : join(text, must);
    }

    private static String render(String line, MoveContext ctx) {
        // A challenge with a follow-up asks the follow-up (Socratic) instead of stating the correction.
        boolean ask = ctx.move() == Move.CHALLENGE && ctx.prompt() != null && !has(line, "prompt");
        Persona p = ctx.persona();
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "prompt" -> ctx.prompt();
                case "hint" -> ctx.hint();
                case "correction" -> ask ? ctx.prompt() : ctx.correction();
                case "name" -> p.name();
                case "role" -> p.role();
                default -> ctx.round().title();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.strip()));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s{2,}", " ").strip();
    }

    private static boolean has(String line, String placeholder) {
        return line.contains("{" + placeholder + "}");
    }

    private static String join(String text, String more) {
        return text.isEmpty() ? more.strip() : text + " " + more.strip();
    }

    /** The text in word-sized pieces, each with the spaces that follow it, as a stream of deltas. */
    static List<String> pieces(String text) {
        return Pattern.compile("\\S+\\s*").matcher(text).results().map(r -> r.group()).toList();
    }

    private static long mix(long seed, int seq) {
        long z = seed + 0x9E3779B97F4A7C15L * (seq + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
