package dev.interviewloop.grading;

import dev.interviewloop.knowledge.KeyPoint;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Note;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Section;
import dev.interviewloop.search.SearchService;
import dev.interviewloop.knowledge.Misconception;
import dev.interviewloop.search.Embedder;
import dev.interviewloop.search.TextAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The built-in grader: no LLM. An answer is cut into sentences and clauses; each rubric point is
 * matched against every span by embedding similarity (to the point and to its facets), idf-weighted
 * stem coverage and cue phrases, combined by a small logistic model; negation is read on the raw
 * text, so a reversed key statement is not counted and is flagged. Misconceptions are matched the
 * same way. Text aimed at the grader is removed before matching and flagged. The weighted coverage
 * becomes a 0-5 score through a monotone mapping fitted on training data, then flags cap it.
 */
public final class RubricGrader implements Grader {

    public static final String NAME = "rubric";
    /** At most this many spans of one answer are embedded; the rest of a very long answer is not read. */
    public static final int MAX_SPANS = 96;

    private final Embedder embedder;
    private final Function<GradingRequest, Rubric> resolver;
    private final GraderModel model;
    private final Vocabulary vocabulary;
    private final Lexicon lexicon;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();
    /** Rubrics whose own texts were embedded by {@link #prefetch} (their vectors may since have left the cache). */
    private final Set<String> prefetched = ConcurrentHashMap.newKeySet();
    /** Rubric statements as matched, by question, statement and cues (see {@link Statement}). */
    private final Map<String, Statement> statements = new ConcurrentHashMap<>();
    /**
     * Vectors of recent answer spans, least recently used first out. A reply to a probe is graded together with
     * the earlier answers to the question, so without this every follow-up turn embedded them all again
     * (BENCHMARKS.md, "Turn latency"). 4,096 vectors of 384 floats take about 6 MB.
     */
    private final Map<String, float[]> spanCache = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > SPAN_CACHE_SIZE;
                }
            });
    private static final int SPAN_CACHE_SIZE = 4096;

    /**
     * @param resolver finds what a request is graded against (see {@link RubricResolver})
     * @param lexicon idf statistics of the background corpus
     * @param vocabulary known words, to tell gibberish from language
     */
    public RubricGrader(Embedder embedder, Function<GradingRequest, Rubric> resolver, GraderModel model, Lexicon lexicon,
                        Vocabulary vocabulary) {
        this.embedder = embedder;
        this.resolver = resolver;
        this.model = model;
        this.lexicon = lexicon;
        this.vocabulary = vocabulary;
    }

    /** The grader over the knowledge base: its notes and bank give the idf statistics and the known words. */
    public static RubricGrader create(KnowledgeBase knowledge, SearchService search, Embedder embedder, GraderModel model) {
        List<String> background = background(knowledge);
        return new RubricGrader(embedder, new RubricResolver(knowledge, search, embedder), model, Lexicon.of(background),
                Vocabulary.load(background));
    }

    /** Every note section, write-up section and bank question (prompt and rubric) as one text each. */
    public static List<String> background(KnowledgeBase knowledge) {
        List<String> out = new ArrayList<>();
        for (Note n : knowledge.documents()) {
            for (Section s : n.sections()) {
                out.add(s.heading() + "\n" + s.text());
            }
        }
        for (Question q : knowledge.questions().values()) {
            out.add(q.prompt());
            q.keyPoints().forEach(k -> out.add(k.text()));
            q.misconceptions().forEach(m -> out.add(m.statement() + " " + m.correction()));
        }
        return out;
    }

    public GraderModel model() {
        return model;
    }

    @Override
    public Grade grade(GradingRequest request) {
        return grade(resolver.apply(request), request.answer());
    }

    public Grade grade(Rubric rubric, String answer) {
        return decide(analyse(rubric, answer), model);
    }

    // ---------------------------------------------------------------- signals

    /** One span's signals against one statement (a key point or a misconception). */
    /**
     * @param specific how much closer the span is to this statement than to the rubric's other points (or, for a
     *                 one-point rubric, to the question): topical talk is close to every point, a stated point to one
     */
    record SpanSignals(Span span, double sim, double simFacet, double lex, double lexFacet, double cue, boolean reversed,
                       double specific) {
        double strength(GraderModel m) {
            return m.match(sim, simFacet, lex, lexFacet, cue, specific);
        }

        SpanSignals withSpecific(double value) {
            return new SpanSignals(span, sim, simFacet, lex, lexFacet, cue, reversed, value);
        }
    }

    record PointSignals(KeyPoint point, List<SpanSignals> spans) {
    }

    /** @param correctionSim per span, the cosine to the misconception's correction */
    record MisconceptionSignals(Misconception misconception, List<SpanSignals> spans, double[] correctionSim) {
    }

    /**
     * Everything measured about one answer, before any threshold: what {@link #decide} turns into a
     * grade, and what calibration refits without embedding again.
     *
     * @param relevance the best cosine of any span to the question or to a rubric point
     * @param exemplarScore the similarity-weighted score of the nearest exemplar answers (NaN without exemplars)
     */
    record Analysis(Rubric rubric, String answer, Screening.Result screen, List<Span> spans, List<PointSignals> points,
                    List<MisconceptionSignals> misconceptions, double relevance, double exemplarScore, boolean truncated) {

        Analysis withExemplarScore(double score) {
            return new Analysis(rubric, answer, screen, spans, points, misconceptions, relevance, score, truncated);
        }
    }

    Analysis analyse(Rubric rubric, String answer) {
        String text = answer == null ? "" : answer;
        Screening.Result screen = Screening.screen(text, vocabulary);
        List<Span> spans = new ArrayList<>();
        for (Span s : screen.gradable()) {
            spans.add(s);
            spans.addAll(Segmenter.clauses(text, s));
        }
        boolean truncated = spans.size() > MAX_SPANS;
        if (truncated) {
            spans = List.copyOf(spans.subList(0, MAX_SPANS));
        }
        boolean nothing = spans.isEmpty() || screen.flags().contains(Flag.EMPTY) || screen.flags().contains(Flag.NON_ANSWER)
                || screen.flags().contains(Flag.GIBBERISH);
        if (nothing) {
            List<PointSignals> none = rubric.points().stream().map(p -> new PointSignals(p, List.<SpanSignals>of())).toList();
            return new Analysis(rubric, text, screen, List.of(), none, List.of(), 0, Double.NaN, false);
        }
        prefetch(rubric);
        List<float[]> vectors = spanVectors(spans.stream().map(Span::text).toList());
        List<Set<String>> spanStems = spans.stream().map(s -> Lexicon.stems(s.text())).toList();
        Set<String> questionStems = Lexicon.stems(rubric.questionText());
        boolean[] negative = new boolean[spans.size()];
        for (int i = 0; i < negative.length; i++) {
            negative[i] = Negation.negative(spans.get(i).text());
        }
        AnswerSpans answerSpans = new AnswerSpans(spans, vectors, spanStems, negative);

        double relevance = 0;
        if (!rubric.questionText().isBlank()) {
            float[] q = embed(rubric.questionText());
            for (float[] v : vectors) {
                relevance = Math.max(relevance, Embedder.dot(q, v));
            }
        }
        List<PointSignals> points = new ArrayList<>();
        for (KeyPoint p : rubric.points()) {
            List<SpanSignals> signals = signals(statement(rubric, p.text(), p.cues(), questionStems), answerSpans);
            for (SpanSignals s : signals) {
                // the whole point, not its facets: a one-word facet ("dropout") is close to too much ("DROP TABLE")
                relevance = Math.max(relevance, s.sim());
            }
            points.add(new PointSignals(p, signals));
        }
        List<MisconceptionSignals> misconceptions = new ArrayList<>();
        for (Misconception m : rubric.misconceptions()) {
            List<SpanSignals> signals = signals(statement(rubric, m.statement(), m.cues(), questionStems), answerSpans);
            float[] c = embed(m.correction());
            double[] corr = vectors.stream().mapToDouble(v -> Embedder.dot(c, v)).toArray();
            misconceptions.add(new MisconceptionSignals(m, signals, corr));
        }
        double[] questionSim = new double[spans.size()];
        if (!rubric.questionText().isBlank()) {
            float[] q = embed(rubric.questionText());
            for (int i = 0; i < spans.size(); i++) {
                questionSim[i] = Embedder.dot(q, vectors.get(i));
            }
        }
        points = specific(points, questionSim);
        misconceptions = specificMisconceptions(misconceptions, points, questionSim);
        double exemplar = rubric.exemplars().isEmpty() ? Double.NaN : exemplarScore(gradableText(screen), rubric.exemplars());
        return new Analysis(rubric, text, screen, spans, points, misconceptions, relevance, exemplar, truncated);
    }

    static String gradableText(Screening.Result screen) {
        return String.join(" ", screen.gradable().stream().map(Span::text).toList());
    }

    /** Each span's closeness to a point minus its mean closeness to the other points (or to the question). */
    private static List<PointSignals> specific(List<PointSignals> points, double[] questionSim) {
        List<PointSignals> out = new ArrayList<>(points.size());
        for (int k = 0; k < points.size(); k++) {
            List<SpanSignals> spans = points.get(k).spans();
            List<SpanSignals> updated = new ArrayList<>(spans.size());
            for (int i = 0; i < spans.size(); i++) {
                double others = 0;
                int n = 0;
                for (int j = 0; j < points.size(); j++) {
                    if (j != k) {
                        others += points.get(j).spans().get(i).simFacet();
                        n++;
                    }
                }
                double baseline = n > 0 ? others / n : questionSim[i];
                updated.add(spans.get(i).withSpecific(spans.get(i).simFacet() - baseline));
            }
            out.add(new PointSignals(points.get(k).point(), updated));
        }
        return out;
    }

    private static List<MisconceptionSignals> specificMisconceptions(List<MisconceptionSignals> ms, List<PointSignals> points,
                                                                     double[] questionSim) {
        List<MisconceptionSignals> out = new ArrayList<>(ms.size());
        for (MisconceptionSignals m : ms) {
            List<SpanSignals> updated = new ArrayList<>();
            for (int i = 0; i < m.spans().size(); i++) {
                double others = 0;
                for (PointSignals p : points) {
                    others += p.spans().get(i).simFacet();
                }
                double baseline = points.isEmpty() ? questionSim[i] : others / points.size();
                updated.add(m.spans().get(i).withSpecific(m.spans().get(i).simFacet() - baseline));
            }
            out.add(new MisconceptionSignals(m.misconception(), updated, m.correctionSim()));
        }
        return out;
    }

    /** The nearest exemplars' scores, weighted by a sharp softmax of their similarity to the answer. */
    double exemplarScore(String text, List<Rubric.Exemplar> exemplars) {
        float[] answer = embed(text);
        double[] sims = new double[exemplars.size()];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = Embedder.dot(answer, embed(exemplars.get(i).answer()));
        }
        Integer[] order = new Integer[sims.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> -sims[i]));
        double weight = 0;
        double sum = 0;
        for (int r = 0; r < Math.min(5, order.length); r++) {
            double w = Math.exp((sims[order[r]] - sims[order[0]]) / 0.05);
            weight += w;
            sum += w * exemplars.get(order[r]).score();
        }
        return sum / weight;
    }

    /** An answer's spans and what is measured of each once per answer. */
    private record AnswerSpans(List<Span> spans, List<float[]> vectors, List<Set<String>> stems, boolean[] negative) {
    }

    /**
     * What one rubric statement (a key point or a misconception) is matched with: its vector, its facets and their
     * vectors, their idf weights given the question, its cue phrases' stems and the polarity of each. The same for
     * every answer to the question, so kept in {@link #statements}.
     */
    private record Statement(float[] vector, List<String> facets, List<float[]> facetVectors,
                             Map<String, Double> weights, List<Map<String, Double>> facetWeights,
                             List<List<String>> cueStems, boolean negative, boolean[] facetNegative) {
    }

    private Statement statement(Rubric rubric, String text, List<String> cues, Set<String> questionStems) {
        if (statements.size() > 20_000) {
            statements.clear();
        }
        String key = rubric.questionText() + '\u0000' + text + '\u0000' + String.join("\u0001", cues);
        return statements.computeIfAbsent(key, k -> {
            List<String> facets = facets(text, cues);
            boolean[] facetNegative = new boolean[facets.size()];
            for (int f = 0; f < facetNegative.length; f++) {
                facetNegative[f] = Negation.negative(facets.get(f));
            }
            return new Statement(embed(text), facets, facets.stream().map(this::embed).toList(),
                    lexicon.weights(text, questionStems), facets.stream().map(f -> lexicon.weights(f, questionStems)).toList(),
                    cues.stream().map(TextAnalysis::terms).filter(t -> !t.isEmpty()).toList(), Negation.negative(text),
                    facetNegative);
        });
    }

    private List<SpanSignals> signals(Statement statement, AnswerSpans answer) {
        List<String> facets = statement.facets();
        float[] full = statement.vector();
        List<float[]> facetVectors = statement.facetVectors();
        Map<String, Double> fullWeights = statement.weights();
        List<Map<String, Double>> facetWeights = statement.facetWeights();
        List<List<String>> cueStems = statement.cueStems();
        List<Span> spans = answer.spans();

        List<SpanSignals> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            float[] v = answer.vectors().get(i);
            Set<String> stems = answer.stems().get(i);
            double sim = Embedder.dot(full, v);
            double simFacet = sim;
            boolean closestNegative = statement.negative();
            double lexFacet = Lexicon.coverage(fullWeights, stems);
            for (int f = 0; f < facets.size(); f++) {
                double s = Embedder.dot(facetVectors.get(f), v);
                if (s > simFacet) {
                    simFacet = s;
                    closestNegative = statement.facetNegative()[f];
                }
                lexFacet = Math.max(lexFacet, Lexicon.coverage(facetWeights.get(f), stems));
            }
            boolean cueFound = false;
            for (int c = 0; c < cueStems.size(); c++) {
                if (Lexicon.containsAll(cueStems.get(c), stems)) {
                    cueFound = true;
                    break;
                }
            }
            double lex = Lexicon.coverage(fullWeights, stems);
            // only a negation the answer adds reverses a statement: parity across clauses is too fragile the other way
            boolean reversed = answer.negative()[i] && !closestNegative;
            out.add(new SpanSignals(span, sim, simFacet, lex, lexFacet, cueFound ? 1 : 0, reversed, 0));
        }
        // a sentence that was cut into clauses takes its polarity from its best-matching clause
        List<SpanSignals> fixed = new ArrayList<>(out.size());
        for (SpanSignals s : out) {
            if (!s.span().clause()) {
                SpanSignals bestClause = null;
                for (SpanSignals c : out) {
                    if (c.span().clause() && s.span().contains(c.span())
                            && (bestClause == null || c.simFacet() + c.lexFacet() > bestClause.simFacet() + bestClause.lexFacet())) {
                        bestClause = c;
                    }
                }
                if (bestClause != null && bestClause.reversed() != s.reversed()) {
                    s = new SpanSignals(s.span(), s.sim(), s.simFacet(), s.lex(), s.lexFacet(), s.cue(), bestClause.reversed(), 0);
                }
            }
            fixed.add(s);
        }
        return fixed;
    }

    /**
     * The parts of a statement that can be evidenced on their own: its clauses, the items of its
     * enumerations ("L1 or L2 penalties, dropout, or a simpler model"), and its cue phrases.
     */
    static List<String> facets(String statement, List<String> cues) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        String whole = statement.strip();
        for (Span s : Segmenter.spans(statement)) {
            if (Segmenter.words(s.text()) >= 2 && !s.text().equals(whole)) {
                out.add(s.text());
            }
        }
        for (Span s : Segmenter.sentences(statement)) {
            String[] items = s.text().split("\\s*(?:,|;|\\(|\\)|\\bor\\b|\\band\\b|\\bsuch as\\b|\\bincluding\\b|\\be\\.g\\.)\\s*");
            if (items.length < 2) {
                continue;
            }
            for (String item : items) {
                String t = item.strip().replaceAll("[.:]+$", "");
                if (!t.isEmpty() && !Lexicon.stems(t).isEmpty() && !t.equals(whole)) {
                    out.add(t);
                }
            }
        }
        for (String c : cues) {
            if (!c.isBlank()) {
                out.add(c.strip());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The spans' vectors: recent ones from {@link #spanCache}, the others in one call to the embedder, which runs
     * them on all its threads ahead of any later turn's (OnnxEmbedder). Each distinct text is embedded once.
     */
    private List<float[]> spanVectors(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            out[i] = spanCache.get(texts.get(i));
            if (out[i] == null && !missing.contains(texts.get(i))) {
                missing.add(texts.get(i));
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> fresh = embedder.embedPassages(missing);
            Map<String, float[]> byText = new java.util.HashMap<>();
            for (int i = 0; i < missing.size(); i++) {
                byText.put(missing.get(i), fresh.get(i));
                spanCache.put(missing.get(i), fresh.get(i));
            }
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) {
                    out[i] = byText.get(texts.get(i));
                }
            }
        }
        return java.util.Arrays.asList(out);
    }

    /**
     * Embeds, in one call, whatever of the rubric's own texts (question, points and their facets, misconceptions
     * and corrections) is not cached yet: the first answer to a question would otherwise embed them one by one.
     */
    private void prefetch(Rubric rubric) {
        String key = rubric.questionText() + '\u0000' + rubric.points() + rubric.misconceptions();
        if (prefetched.contains(key)) {
            return;
        }
        java.util.LinkedHashSet<String> texts = new java.util.LinkedHashSet<>();
        if (!rubric.questionText().isBlank()) {
            texts.add(rubric.questionText());
        }
        for (KeyPoint p : rubric.points()) {
            texts.add(p.text());
            texts.addAll(facets(p.text(), p.cues()));
        }
        for (Misconception m : rubric.misconceptions()) {
            texts.add(m.statement());
            texts.addAll(facets(m.statement(), m.cues()));
            texts.add(m.correction());
        }
        texts.removeIf(cache::containsKey);
        if (!texts.isEmpty()) {
            List<String> missing = List.copyOf(texts);
            List<float[]> vectors = embedder.embedPassages(missing);
            for (int i = 0; i < missing.size(); i++) {
                cache.putIfAbsent(missing.get(i), vectors.get(i));
            }
        }
        if (prefetched.size() > 20_000) {
            prefetched.clear();
        }
        prefetched.add(key);
    }

    float[] embed(String text) {
        if (cache.size() > 20_000) {
            cache.clear();
        }
        return cache.computeIfAbsent(text, t -> embedder.embedPassages(List.of(t)).get(0));
    }

    // ---------------------------------------------------------------- decision

    /** How one point came out. */
    record PointOutcome(KeyPoint point, double strength, Verdict verdict, SpanSignals evidence, boolean negated) {
    }

    static PointOutcome outcome(PointSignals ps, GraderModel m) {
        return outcome(ps, m, List.of());
    }

    /** How much of its strength a span keeps as evidence for a second point when it already evidences another. */
    static final double SHARED = 0.5;

    /**
     * Every point's outcome. A few words cannot state several points at once: a span (or part of a
     * span) that is already the evidence of a stronger point counts at half strength for the others.
     */
    static List<PointOutcome> outcomes(List<PointSignals> points, GraderModel m, List<Span> wrong) {
        List<PointOutcome> first = points.stream().map(p -> outcome(p, m, wrong, List.of())).toList();
        Integer[] order = new Integer[points.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> -first.get(i).strength()));
        PointOutcome[] out = new PointOutcome[points.size()];
        List<Span> claimed = new ArrayList<>();
        for (int i : order) {
            PointOutcome o = outcome(points.get(i), m, wrong, claimed);
            out[i] = o;
            if (o.evidence() != null && !o.negated() && o.verdict() != Verdict.MISSED) {
                claimed.add(o.evidence().span());
            }
        }
        return List.of(out);
    }

    static PointOutcome outcome(PointSignals ps, GraderModel m, List<Span> wrong) {
        return outcome(ps, m, wrong, List.of());
    }

    /**
     * @param wrong spans that state a misconception: they evidence no key point
     * @param claimed spans that already evidence another point
     */
    static PointOutcome outcome(PointSignals ps, GraderModel m, List<Span> wrong, List<Span> claimed) {
        SpanSignals bestAff = null;
        SpanSignals bestNeg = null;
        double aff = 0;
        double neg = 0;
        for (SpanSignals s : ps.spans()) {
            if (wrong.stream().anyMatch(w -> w.contains(s.span()) || s.span().contains(w))) {
                continue;
            }
            double st = s.strength(m);
            if (claimed.stream().anyMatch(c -> c.contains(s.span()))) {
                st *= SHARED;
            }
            if (s.reversed()) {
                if (st > neg) {
                    neg = st;
                    bestNeg = s;
                }
            } else if (st > aff + 1e-9 || st > aff - 0.02 && bestAff != null && s.span().length() < bestAff.span().length()) {
                aff = Math.max(aff, st);
                bestAff = s;
            }
        }
        if (bestNeg != null && neg >= m.covered() && neg > aff) {
            return new PointOutcome(ps.point(), 0, Verdict.MISSED, bestNeg, true);
        }
        Verdict v = aff >= m.covered() ? Verdict.COVERED : aff >= m.partly() ? Verdict.PARTLY : Verdict.MISSED;
        return new PointOutcome(ps.point(), aff, v, bestAff, false);
    }

    /** A misconception is stated when a span matches it, affirmatively, and sits closer to it than to its correction. */
    static List<MisconceptionHitAt> hits(Analysis a, GraderModel m) {
        List<MisconceptionHitAt> out = new ArrayList<>();
        for (MisconceptionSignals ms : a.misconceptions()) {
            SpanSignals best = null;
            double bestStrength = 0;
            for (int i = 0; i < ms.spans().size(); i++) {
                SpanSignals s = ms.spans().get(i);
                double st = s.strength(m);
                if (!s.reversed() && st >= m.misconception() && Math.max(s.sim(), s.simFacet()) > ms.correctionSim()[i] + 0.02
                        && st > bestStrength) {
                    best = s;
                    bestStrength = st;
                }
            }
            if (best != null) {
                out.add(new MisconceptionHitAt(ms.misconception(), best));
            }
        }
        return out;
    }

    record MisconceptionHitAt(Misconception misconception, SpanSignals evidence) {
    }

    /**
     * The weighted coverage (0..1): each point counts with its match strength, reversed points count nothing.
     * A missed point keeps its (weak) strength: counting missed points as nothing (or as half) was tried and
     * measured to cost the held-out set Pearson 0.919 -> 0.861 (0.886 at half) and within-1 96 % -> 89 % (91 %);
     * paraphrases fell to 2.0 of a human 3.9. An answer with every point missed is capped instead
     * ({@link #NOTHING_COVERED_CAP}).
     */
    static double coverage(List<PointOutcome> outcomes) {
        double total = outcomes.stream().mapToDouble(o -> o.point().weight()).sum();
        if (total <= 0) {
            return 0;
        }
        return outcomes.stream().mapToDouble(o -> o.point().weight() * (o.negated() ? 0 : o.strength())).sum() / total;
    }

    /** The most an answer can score when no rubric point is even partly covered (and no graded exemplars vouch for it). */
    static final double NOTHING_COVERED_CAP = 0.5;

    /** The score before rounding, with the caps the flags impose; also fills {@code flags} with OFF_TOPIC/NEGATED. */
    static double rawScore(Analysis a, GraderModel m, List<PointOutcome> outcomes, List<MisconceptionHitAt> hits, Set<Flag> flags) {
        if (flags.contains(Flag.EMPTY) || flags.contains(Flag.NON_ANSWER) || flags.contains(Flag.GIBBERISH)
                || a.spans().isEmpty()) {
            return 0;
        }
        // a faint partial match does not make an answer on-topic: only a covered point or a statement about the question does
        boolean anyMatch = outcomes.stream().anyMatch(o -> o.verdict() == Verdict.COVERED || o.negated()) || !hits.isEmpty();
        if (a.relevance() < m.offTopic() && !anyMatch) {
            flags.add(Flag.OFF_TOPIC);
            return 0;
        }
        long negated = outcomes.stream().filter(PointOutcome::negated).count();
        if (negated > 0) {
            flags.add(Flag.NEGATED);
        }
        double score = m.mapCoverage(coverage(outcomes));
        if (!Double.isNaN(a.exemplarScore())) {
            score = (1 - m.exemplarWeight()) * score + m.exemplarWeight() * a.exemplarScore();
        }
        if (flags.contains(Flag.KEYWORD_LIST)) {
            score = Math.min(score, 1.0);
        }
        List<Span> wrongSpans = hits.stream().map(h -> h.evidence().span()).toList();
        score = Math.min(score, m.brevityCap(contentShare(a, wrongSpans)));
        // every wrong statement costs points, whatever capped the rest
        score -= m.wrongPenalty() * (hits.size() + negated);
        if (Double.isNaN(a.exemplarScore()) && outcomes.stream().allMatch(o -> o.verdict() == Verdict.MISSED)) {
            // The verdicts shown must explain the score: with no rubric point even partly covered, weak
            // similarities alone earn at most half a point.
            score = Math.min(score, NOTHING_COVERED_CAP);
        }
        return Math.max(0, Math.min(Grade.MAX, score));
    }

    /** The answer's distinct content stems (wrong statements left out) as a share of the rubric points' distinct content stems. */
    static double contentShare(Analysis a, List<Span> wrong) {
        Set<String> rubric = new HashSet<>();
        a.rubric().points().forEach(p -> rubric.addAll(Lexicon.stems(p.text())));
        if (rubric.isEmpty()) {
            return 1;
        }
        // wrong statements are not content that could cover the rubric
        String content = String.join(" ", a.screen().gradable().stream()
                .filter(s -> wrong.stream().noneMatch(w -> s.contains(w) || w.contains(s))).map(Span::text).toList());
        return (double) Lexicon.stems(content).size() / rubric.size();
    }

    static double round(double score) {
        return Math.max(0, Math.min(Grade.MAX, Math.round(score * 2) / 2.0));
    }

    Grade decide(Analysis a, GraderModel m) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        flags.addAll(a.screen().flags());
        Rubric rubric = a.rubric();
        if (!"bank".equals(rubric.basis()) && !"matched".equals(rubric.basis())) {
            flags.add(Flag.NO_RUBRIC);
        }
        List<MisconceptionHitAt> hits = hits(a, m);
        List<Span> wrong = hits.stream().map(h -> h.evidence().span()).toList();
        List<PointOutcome> outcomes = outcomes(a.points(), m, wrong);
        double raw = rawScore(a, m, outcomes, hits, flags);
        boolean scored = raw > 0 || !(flags.contains(Flag.EMPTY) || flags.contains(Flag.NON_ANSWER)
                || flags.contains(Flag.GIBBERISH) || flags.contains(Flag.OFF_TOPIC));

        List<KeyPointResult> keyPoints = new ArrayList<>();
        for (PointOutcome o : outcomes) {
            keyPoints.add(result(o, scored));
        }
        List<MisconceptionHit> misconceptions = new ArrayList<>();
        if (scored) {
            for (MisconceptionHitAt h : hits) {
                Span s = h.evidence().span();
                misconceptions.add(new MisconceptionHit(h.misconception().id(), h.misconception().statement(),
                        h.misconception().correction(), s.text(), s.start(), s.end()));
            }
            for (PointOutcome o : outcomes) {
                if (o.negated()) {
                    Span s = o.evidence().span();
                    misconceptions.add(new MisconceptionHit("", "The answer states the reverse of a key point: \"" + s.text() + "\"",
                            o.point().text(), s.text(), s.start(), s.end()));
                }
            }
        }
        double score = round(raw);
        String feedback = Feedback.write(a, outcomes, misconceptions, flags, score);
        return new Grade(score, NAME, rubric.basis(), rubric.questionId(), keyPoints, misconceptions, flags, feedback,
                rubric.modelAnswer(), rubric.citations());
    }

    private static KeyPointResult result(PointOutcome o, boolean scored) {
        KeyPoint p = o.point();
        if (!scored || o.evidence() == null) {
            return new KeyPointResult(p.id(), p.text(), p.weight(), Verdict.MISSED, "", -1, -1,
                    scored ? "nothing in the answer addresses this point" : "the answer gives nothing to grade");
        }
        Span s = o.evidence().span();
        if (o.negated()) {
            return new KeyPointResult(p.id(), p.text(), p.weight(), Verdict.MISSED, s.text(), s.start(), s.end(),
                    "stated in reverse: the answer negates this point");
        }
        String reason = switch (o.verdict()) {
            case COVERED -> "stated" + how(o.evidence());
            case PARTLY -> "touched on, but not stated fully" + how(o.evidence());
            case MISSED -> "not addressed; the closest words are only loosely related";
        };
        if (o.verdict() == Verdict.MISSED) {
            return new KeyPointResult(p.id(), p.text(), p.weight(), Verdict.MISSED, "", -1, -1, reason);
        }
        return new KeyPointResult(p.id(), p.text(), p.weight(), o.verdict(), s.text(), s.start(), s.end(), reason);
    }

    private static String how(SpanSignals s) {
        List<String> parts = new ArrayList<>();
        if (Math.max(s.sim(), s.simFacet()) >= 0.6) {
            parts.add("close in meaning");
        }
        if (Math.max(s.lex(), s.lexFacet()) >= 0.5) {
            parts.add("uses its key terms");
        }
        if (s.cue() > 0) {
            parts.add("names a cue phrase");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** Stems of a text, for callers that build their own lexical checks. */
    static Set<String> stemSet(String text) {
        return new HashSet<>(TextAnalysis.terms(text));
    }
}
