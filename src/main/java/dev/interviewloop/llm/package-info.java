/**
 * The optional LLM: an OpenAI-compatible chat model (OpenAI, Ollama's {@code /v1}, vLLM, LM Studio)
 * reached through LangChain4j when {@code interview-loop.llm.base-url} is set, and nothing at all
 * when it is not. Owns the typed configuration and the mode it implies, the client wrapper that
 * times, retries and classifies every call ({@code timeout}, {@code connection}, {@code http_4xx},
 * {@code http_5xx}, {@code malformed}, {@code empty}), the interviewer agent that words the
 * engine's moves in the persona's voice grounded in retrieved passages, and the LLM grader with
 * structured output whose quotes are checked against the answer. The engine still decides every
 * move; every failure ends in a visible fallback to the built-in interviewer or rubric grader.
 */
package dev.interviewloop.llm;
