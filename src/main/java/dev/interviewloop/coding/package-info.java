/**
 * Coding rounds that run the candidate's code: the code taken from an answer ({@link dev.interviewloop.coding.CodeBlocks}),
 * Python run in a sandboxed child process against a coding question's tests from {@code knowledge/coding/}
 * ({@link dev.interviewloop.coding.PythonSandbox}, whose in-process half is {@code coding/sandbox.py}), the bounded
 * queue of runs and their limits ({@link dev.interviewloop.coding.CodeRunner}, {@code interview-loop.coding.*}), the
 * comparison of what each case returned with what it should ({@link dev.interviewloop.coding.Results}), and the
 * tested grade ({@link dev.interviewloop.coding.TestedGrades}): correctness from the tests first, then the complexity
 * requirement, then the rubric grade of the explanation. {@link dev.interviewloop.coding.CodingService} is the entry
 * point for the interview engine and {@code POST /api/grade}.
 */
package dev.interviewloop.coding;
