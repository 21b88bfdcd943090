// The fields by which an input adapter hands the evaluator a line that could not become a
// record. They live here, not in the adapters, so the evaluation worker, which only compares
// against them, does not load the WARC and tar readers (warcio, parse5, tar-stream: ~0.25
// CPU-seconds of start-up per worker).

/**
 * A line that stands for a WARC record that could not be read. The build rejects it with
 * WARC_INVALID and this message (which names the byte offset), so a broken record is reported
 * at its place instead of disappearing.
 */
export const WARC_ERROR_FIELD = '$obhut_warc_error';

/**
 * A line that stands for a sample that could not become a record (no sidecar, unreadable JSON,
 * a member over the size limit). The build rejects it with SAMPLE_INVALID and this message, so a
 * broken sample is reported at its position instead of disappearing.
 */
export const SAMPLE_ERROR_FIELD = '$obhut_sample_error';
