// GET /api/status: which interviewer and grader the service runs (built-in or LLM). Absent on older services.
import { api } from './api.js';

let status;

/** The service status, or null when the service does not offer /api/status. */
export function serviceStatus() {
  if (!status) status = api.status().catch(() => null);
  return status;
}
