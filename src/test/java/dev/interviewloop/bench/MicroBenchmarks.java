package dev.interviewloop.bench;

import dev.interviewloop.grading.Grade;
import dev.interviewloop.grading.GraderModel;
import dev.interviewloop.grading.GradingRequest;
import dev.interviewloop.grading.RubricGrader;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.KnowledgeLoader;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.search.Embedder;
import dev.interviewloop.search.OnnxEmbedder;
import dev.interviewloop.search.Passage;
import dev.interviewloop.search.SearchConfig;
import dev.interviewloop.search.TestSearch;
import dev.interviewloop.search.SearchService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH micro-benchmarks of the three costs inside one turn: embedding one sentence (MiniLM, in process), one
 * hybrid query (BM25 + HNSW, fused), and one rubric grade of a realistic answer. Short warm-up and measurement
 * so the whole run takes a few minutes; {@code main} runs them and prints JMH's table.
 *
 * <pre>bench/run.sh micro</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"})
public class MicroBenchmarks {

    static final String SENTENCE = "Validation loss starts rising while training loss keeps falling, so the model is overfitting.";
    static final String QUERY = "why does L1 regularization give sparse weights";
    static final String QUESTION = "overfitting-detection";

    private Embedder embedder;
    private SearchService search;
    private RubricGrader grader;
    private Question question;
    private String answer;

    @Setup(Level.Trial)
    public void setUp() {
        embedder = OnnxEmbedder.named("minilm");
        KnowledgeBase knowledge = KnowledgeLoader.load(Path.of("knowledge"));
        search = new SearchService(knowledge, embedder, inMemory());
        grader = RubricGrader.create(knowledge, search, embedder, GraderModel.load());
        question = knowledge.question(QUESTION).orElseGet(() -> knowledge.questions().values().iterator().next());
        answer = question.modelAnswer();
    }

    @Benchmark
    public float[] embedOneSentence() {
        return embedder.embedQuery(SENTENCE);
    }

    @Benchmark
    public List<Passage> hybridQuery() {
        return search.search(QUERY, 5);
    }

    private long invocation;

    /** A model answer never seen before: a number inserted every fourth word, so no span comes from the span cache. */
    @Benchmark
    public Grade rubricGradeOfANewAnswer() {
        return grader.grade(GradingRequest.of(question, fresh(answer, ++invocation)));
    }

    /** The same answer again (a reply graded with the earlier answers): its spans' vectors come from the cache. */
    @Benchmark
    public Grade rubricGradeOfARepeatedAnswer() {
        return grader.grade(GradingRequest.of(question, answer));
    }

    static String fresh(String text, long n) {
        String[] words = text.split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            out.append(i == 0 ? "" : " ").append(words[i]);
            if (i % 4 == 3) {
                out.append(' ').append(n);
            }
        }
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder()
                .include(MicroBenchmarks.class.getSimpleName())
                .forks(Integer.getInteger("forks", 1))
                .warmupIterations(Integer.getInteger("warmup", 3))
                .measurementIterations(Integer.getInteger("iterations", 5))
                .measurementTime(TimeValue.seconds(2))
                .build()).run();
    }

    static SearchConfig inMemory() {
        return TestSearch.inMemory();
    }
}
