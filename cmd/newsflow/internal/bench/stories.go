package bench

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline/event"
)

// storyMaker makes new stories without end, deterministically. Story n
// is base article n mod len(bases) with every third word, from an offset
// that turns with n, replaced by a word of the same kind (plain,
// capitalised, holding a digit) drawn from the bases' own words by a
// generator seeded with n. Every word 3-shingle holds a replaced word, so
// two stories share a shingle only where draws agree: their Jaccard
// similarity stays far under dedup's 0.5, and each is indexed as an
// original, as new stories are. Kinds, frequencies and punctuation stay
// those of the corpus, and with them the stages' work per article.
type storyMaker struct {
	bases    []event.Article
	pools    [3][]string
	meanSize int
}

// Kinds of words in storyMaker's pools.
const (
	plainWord = iota
	capitalisedWord
	numberWord
)

// newStoryMaker reads the base articles as the bench does (consecutive
// corpus stories joined to at least size bytes, or generated text) and
// gathers their words into pools.
func newStoryMaker(dir string, size int) (*storyMaker, string, error) {
	msgs, name, err := makeArticles(dir, soakBases, size)
	if err != nil {
		return nil, "", err
	}
	s := &storyMaker{bases: make([]event.Article, len(msgs)), meanSize: meanSize(msgs)}
	for i, msg := range msgs {
		if err := json.Unmarshal(msg, &s.bases[i]); err != nil {
			return nil, "", fmt.Errorf("soak stories: %w", err)
		}
		eachWord(s.bases[i].Body, func(word string) {
			s.pools[wordKind(word)] = append(s.pools[wordKind(word)], word)
		})
	}
	for k, words := range s.pools {
		s.pools[k] = samplePool(words, soakPoolSize)
	}
	return s, name, nil
}

// samplePool returns at most n of words, evenly spaced, so that each word
// comes as often as it does in words, copied next to each other: random
// draws then stay in the processor's cache.
func samplePool(words []string, n int) []string {
	step := max(1, len(words)/n)
	var arena strings.Builder
	for i := 0; i < len(words); i += step {
		arena.WriteString(words[i])
	}
	all := arena.String()
	pool := make([]string, 0, min(n, len(words)))
	for i := 0; i < len(words) && len(pool) < n; i += step {
		pool, all = append(pool, all[:len(words[i])]), all[len(words[i]):]
	}
	return pool
}

// article returns story n, with the id "soak-<n>".
func (s *storyMaker) article(n int) event.Article {
	a := s.bases[n%len(s.bases)]
	r := rand.New(rand.NewPCG(uint64(n), 0x50a4))
	body := a.Body
	var b strings.Builder
	b.Grow(len(body) + len(body)/4)
	written, at := 0, 0 // body[:written] is in b; body[at:] is still to scan
	for i := n % 3; ; i++ {
		before, word, _ := nextWord(body[at:])
		if word == "" {
			break
		}
		at += len(before)
		if i%3 == 0 {
			if pool := s.pools[wordKind(word)]; len(pool) > 0 {
				b.WriteString(body[written:at])
				b.WriteString(pool[r.IntN(len(pool))])
				written = at + len(word)
			}
		}
		at += len(word)
	}
	b.WriteString(body[written:])
	a.ID = "soak-" + strconv.Itoa(n)
	a.Body = b.String()
	return a
}

// nextWord splits text at its next word: what comes before it (spaces,
// punctuation), the word (from the first to the last letter or digit of
// a run of non-spaces) and the rest. word is empty when text has none.
// ASCII, nearly all of the corpus, takes a fast path.
func nextWord(text string) (before, word, rest string) {
	start := 0
	for start < len(text) {
		if c := text[start]; c < utf8.RuneSelf {
			if asciiWord(c) {
				break
			}
			start++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[start:])
		if isWordRune(r) {
			break
		}
		start += size
	}
	end := start // just past the last letter or digit before a space
	for i := start; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiSpace(c) {
				break
			}
			if i++; asciiWord(c) {
				end = i
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			break
		}
		if i += size; isWordRune(r) {
			end = i
		}
	}
	return text[:start], text[start:end], text[end:]
}

// eachWord calls f with each word of text, as nextWord finds them.
func eachWord(text string, f func(word string)) {
	for {
		_, word, rest := nextWord(text)
		if word == "" {
			return
		}
		f(word)
		text = rest
	}
}

// isWordRune reports whether r is a letter or a digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// asciiWord reports whether the ASCII byte c is a letter or a digit.
func asciiWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// asciiSpace reports whether the ASCII byte c is a space, as unicode.IsSpace
// says.
func asciiSpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

// wordKind is the pool a word belongs to: numberWord when it holds a
// digit, capitalisedWord when it starts with a capital, else plainWord.
func wordKind(word string) int {
	if strings.IndexFunc(word, unicode.IsDigit) >= 0 {
		return numberWord
	}
	if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
		return capitalisedWord
	}
	return plainWord
}
