package dupcorpus

import (
	"strings"
	"unicode"
)

// DiffWords returns the words of s as the word diff compares them:
// lower-cased, split at white space, with the punctuation around each
// word trimmed ("(FCA)," and "FCA" are one word) and words of punctuation
// only dropped.
func DiffWords(s string) []string {
	var out []string
	for _, w := range Words(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Coverage returns the share of the shorter of a and b that a word diff
// finds in the longer, in order: the length of their longest common
// subsequence over the length of the shorter; 0 when either is empty.
// Unlike a shingle measure it is not moved by a text cut short or
// extended, nor much by words changed one at a time ("cents" for "cts"
// throughout a story changes every shingle around each).
func Coverage(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(b) > len(a) {
		a, b = b, a
	}
	// One row of the dynamic programme over the shorter text: O(|a|·|b|)
	// time, O(|b|) space.
	prev := make([]int32, len(b)+1)
	cur := make([]int32, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(b)]) / float64(len(b))
}
