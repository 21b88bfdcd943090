export const SUBJECT_REQUEST_KINDS = ['access', 'erasure'] as const;
export const SUBJECT_REQUEST_STATUSES = [
  'received',
  'in_progress',
  'answered',
  'rejected',
] as const;

/** A person's request to see (access) or erase their data, with the one-month answer deadline. */
export interface SubjectRequest {
  readonly id: string;
  readonly subject: string;
  readonly kind: (typeof SUBJECT_REQUEST_KINDS)[number];
  readonly status: (typeof SUBJECT_REQUEST_STATUSES)[number];
  readonly message: string | undefined;
  readonly receivedAt: string;
  readonly deadline: string;
  readonly answer: string | undefined;
  readonly answeredAt: string | undefined;
  /** Who on the operator's side handles it (a staff name or id), once assigned. */
  readonly assignee?: string | undefined;
  /** Where the person asked the answer to be mailed; kept with the request only. */
  readonly notifyEmail?: string | undefined;
}

/** Open requests (received or in progress), the nearest deadline first: the officer's queue. */
export function openRequestsByDeadline(requests: readonly SubjectRequest[]): SubjectRequest[] {
  return requests
    .filter((r) => r.status === 'received' || r.status === 'in_progress')
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
}

/** Where subjects' access and erasure requests are kept. */
export interface SubjectRequestRegister {
  createSubjectRequest(request: SubjectRequest): Promise<void>;
  /** One subject's requests, newest first; or all requests (for the operator) when omitted. */
  subjectRequests(subject?: string): Promise<SubjectRequest[]>;
  /** Updates status and answer; returns the updated request, or undefined if there is none. */
  updateSubjectRequest(
    id: string,
    update: Pick<SubjectRequest, 'status' | 'answer'>,
  ): Promise<SubjectRequest | undefined>;
  /** Assigns a request; returns it, or undefined if there is none. */
  assignSubjectRequest(id: string, assignee: string): Promise<SubjectRequest | undefined>;
}
