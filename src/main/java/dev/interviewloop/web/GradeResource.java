package dev.interviewloop.web;

import dev.interviewloop.coding.CodingService;
import dev.interviewloop.coding.TestedGrade;
import dev.interviewloop.grading.Grader;
import dev.interviewloop.grading.GradingRequest;
import dev.interviewloop.grading.GradingService;
import dev.interviewloop.interview.InterviewConfig;
import dev.interviewloop.knowledge.Question;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Grades one answer against a bank question, free question text, or a given reference answer; an answer to a coding
 * question is also run against its tests, and the response carries the run ({@code execution}). Open to anyone, so
 * counted per client address ({@link ClientLimited}), every field length-limited, and a few at a time
 * ({@link GradeSlots}).
 */
@Path("/api/grade")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class GradeResource {

    /**
     * The request body.
     *
     * @param questionId a bank question id; or
     * @param question the question as free text (matched to the bank, else graded against retrieved passages)
     * @param reference optional free-text reference answer for a free question; it is split into rubric points
     *                  (at most {@code interview-loop.interview.max-answer-chars} characters, like the answer)
     * @param answer the candidate's answer (at most {@code interview-loop.interview.max-answer-chars}, 20,000)
     */
    public record GradeBody(String questionId, String question, String reference, String answer) {
    }

    private final GradingService grading;
    private final Grader grader;
    private final CodingService coding;
    private final GradeSlots slots;
    private final int maxAnswerChars;

    /** @param grader the configured grader: the rubric grader, or {@code llm+rubric} when an LLM is configured */
    public GradeResource(GradingService grading, Grader grader, CodingService coding, GradeSlots slots,
                         InterviewConfig interview) {
        this.grading = grading;
        this.grader = grader;
        this.coding = coding;
        this.slots = slots;
        this.maxAnswerChars = interview.maxAnswerChars();
    }

    @POST
    @ClientLimited
    public TestedGrade grade(GradeBody body) {
        GradingRequest request = toRequest(body);
        return slots.run(() -> coding.grade(request, grader).grade(), TestedGrade.class);
    }

    private GradingRequest toRequest(GradeBody body) {
        if (body == null) {
            throw ApiException.badRequest(null, "send a JSON body: {\"questionId\" or \"question\", \"answer\", optional \"reference\"}");
        }
        if (body.answer() == null) {
            throw ApiException.badRequest("answer", "'answer' is missing: give the candidate's answer as a string (it may be empty)");
        }
        Fields.limited("answer", body.answer(), maxAnswerChars);
        Fields.limited("reference", body.reference(), maxAnswerChars);
        Fields.limited("question", body.question(), Fields.MAX_QUESTION);
        Fields.limited("questionId", body.questionId(), Fields.MAX_ID);
        boolean hasId = body.questionId() != null && !body.questionId().isBlank();
        boolean hasText = body.question() != null && !body.question().isBlank();
        if (hasId) {
            Question q = grading.question(body.questionId().strip()).orElseThrow(() -> new ApiException(404, "questionId",
                    "no bank question has the id '" + body.questionId() + "'; send a known id, or the question as text in 'question'"));
            return GradingRequest.of(q, body.answer());
        }
        if (!hasText) {
            throw ApiException.badRequest("question", "give either 'questionId' (a bank question) or 'question' (the question as text)");
        }
        return GradingRequest.free(body.question().strip(), body.reference(), body.answer());
    }
}
