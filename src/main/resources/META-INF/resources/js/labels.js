// Words the UI uses for the protocol's codes.

export const GRADERS = {
  rubric: 'Rubric grader (built-in)',
  llm: 'LLM grader',
  'llm+rubric': 'LLM and rubric graders',
  'rubric+tests': 'Tests and the rubric grader',
  'llm+rubric+tests': 'Tests, LLM and rubric graders',
};

export const SPEAKERS = {
  'built-in': 'Built-in interviewer',
  llm: 'LLM interviewer',
};

export const FLAGS = {
  EMPTY: ['Empty answer', 'There was nothing to grade.'],
  NON_ANSWER: ['Not an answer', '"I don\'t know" and the like score nothing; a partial attempt scores more.'],
  GIBBERISH: ['Not language', 'The answer did not read as language.'],
  OFF_TOPIC: ['Off topic', 'The answer was about something else.'],
  KEYWORD_LIST: ['Keywords without explanation', 'Terms were listed without saying how they connect; the score is capped.'],
  NEGATED: ['Reversed statement', 'A key statement was made with its meaning reversed.'],
  INJECTION: ['Instructions ignored', 'Text aimed at the grader was ignored; it has no effect on the grade.'],
  NOT_ENGLISH: ['Not English', 'Graded on what could be matched.'],
  NO_RUBRIC: ['No rubric', 'Graded against retrieved reference passages, not a bank rubric.'],
};

export const CANDIDATE_MOVES = {
  answer: 'Answer',
  retry: 'New answer (retry)',
  hint: 'Asked for a hint',
  clarify: 'Asked to clarify',
  repeat: 'Asked to repeat',
  skip: 'Skipped the question',
  end: 'Ended the round',
  run: 'Ran the examples',
};

export const MOVES = {
  opening: 'opening', ask: 'question', probe: 'probe', challenge: 'challenge', hint: 'hint', drill: 'drill-down',
  clarify: 'clarification', acknowledge: 'acknowledgement', 'move-on': 'moving on', closing: 'closing',
  'failing-tests': 'failing test',
};

export const VERDICTS = {
  'strong hire': 'good', hire: 'good', 'lean no hire': 'warn', 'no hire': 'bad',
};

export function graderLabel(grader) {
  return GRADERS[grader] ?? (grader ? `${grader} grader` : 'grader unknown');
}

export function speakerLabel(speaker) {
  return SPEAKERS[speaker] ?? (speaker ? `${speaker} interviewer` : 'interviewer');
}

export function scoreTone(score) {
  if (score === null || score === undefined) return 'none';
  if (score >= 4) return 'good';
  if (score >= 2.5) return 'warn';
  return 'bad';
}

export function capitalize(s) {
  s = String(s ?? '');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A short name for a grader: "rubric grader", "LLM grader", "LLM + rubric graders". */
export function graderShort(grader) {
  return { rubric: 'rubric grader', llm: 'LLM grader', 'llm+rubric': 'LLM + rubric graders' }[grader] ?? (grader ? `${grader} grader` : 'unknown grader');
}
