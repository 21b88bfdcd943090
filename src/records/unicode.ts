/**
 * Whether a string is well-formed Unicode: no lone surrogate (`"\ud800"` is valid JSON but no
 * character). Identifiers must be: pseudonymisation hashes UTF-8, and encoding turns every lone
 * surrogate into U+FFFD, so "a\ud800" and "a\ufffd" would name one subject.
 */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

// In a `u` regular expression a surrogate pair is one code point, so \p{Cs} matches only halves.
const LONE_SURROGATE = /\p{Cs}/u;
