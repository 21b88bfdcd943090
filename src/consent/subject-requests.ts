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
}
