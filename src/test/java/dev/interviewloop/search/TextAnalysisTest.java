package dev.interviewloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shared English analyzer: what BM25 and the grader's lexical signals see. */
class TextAnalysisTest {

    @Test
    void inflectionsOfAWordShareOneStem() {
        assertThat(TextAnalysis.terms("regularization regularizing")).hasSize(2).allMatch(t -> t.equals("regular"));
        assertThat(TextAnalysis.terms("gradients")).isEqualTo(TextAnalysis.terms("gradient"));
    }

    @Test
    void stopWordsAndPossessivesAreDropped() {
        assertThat(TextAnalysis.terms("the model's loss is a function")).containsExactly("model", "loss", "function");
    }

    @Test
    void punctuationGivesNoTermsButEmojiAreKeptAsTerms() {
        assertThat(TextAnalysis.terms("-- () \"\" * ?")).isEmpty();
        assertThat(TextAnalysis.terms("")).isEmpty();
        assertThat(TextAnalysis.terms("🙂🔥")).containsExactly("🙂", "🔥");
    }

    @Test
    void negationsAreStopWordsSoLexicalSignalsCannotSeeThem() {
        assertThat(TextAnalysis.terms("not convex")).containsExactly("convex");
        assertThat(TextAnalysis.terms("no guarantee")).containsExactly("guarante");
    }

    @Test
    void identifiersAndNumbersSurvive() {
        assertThat(TextAnalysis.terms("sqrt(d_k) O(n^2) k=10")).contains("sqrt", "d_k", "10");
    }

    @Test
    void caseIsFolded() {
        assertThat(TextAnalysis.terms("XGBoost NDCG")).containsExactly("xgboost", "ndcg");
    }

    @Test
    void nonLatinScriptsAreTokenised() {
        assertThat(TextAnalysis.terms("过拟合 переобучение")).isNotEmpty();
    }
}
