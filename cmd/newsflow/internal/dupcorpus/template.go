package dupcorpus

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// companyName is who a story is about, one way of saying it: kind
// "ticker" (a symbol in angle brackets in the title), "name" (a name in
// angle brackets in the title) or "subject" (the capitalised words before
// "said" that open the text).
type companyName struct {
	kind, value string
}

// bracketRE matches an angle-bracketed part of a Reuters title.
var bracketRE = regexp.MustCompile(`<([^<>]+)>`)

// tickerRE matches a ticker symbol: "BAC", "AIVJ.J".
var tickerRE = regexp.MustCompile(`^[A-Z][A-Z0-9]{0,5}(\.[A-Z]{1,2})?$`)

// companies returns the ways the title and text of a story say who it is
// about, if they do.
func companies(title, text string) []companyName {
	var out []companyName
	if m := bracketRE.FindStringSubmatch(title); m != nil {
		v := strings.TrimSpace(m[1])
		if tickerRE.MatchString(v) {
			out = append(out, companyName{"ticker", v})
		} else {
			out = append(out, companyName{"name", strings.ToLower(v)})
		}
	}
	var name []string
	for _, w := range strings.Fields(firstParagraph(text)) {
		if w == "said" {
			if len(name) > 0 {
				out = append(out, companyName{"subject", strings.ToLower(strings.Join(name, " "))})
			}
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		if len(name) == 7 || !(unicode.IsUpper(r) || r == '<' || r == '&' || w == "and" || w == "of") {
			break
		}
		name = append(name, strings.Trim(w, "<>,"))
	}
	return out
}

func firstParagraph(text string) string {
	p, _, _ := strings.Cut(text, "\n\n")
	return p
}

// tickerTitle splits a Reuters title such as "SEVEN OAKS INTERNATIONAL
// INC <QPON> IN PAYOUT" into the company's name before the ticker, the
// ticker and the rest; ok is false when the title has no such shape.
func tickerTitle(title string) (name, ticker, rest string, ok bool) {
	loc := bracketRE.FindStringSubmatchIndex(title)
	if loc == nil {
		return "", "", "", false
	}
	name = strings.TrimSpace(title[:loc[0]])
	ticker = title[loc[2]:loc[3]]
	if name == "" || !tickerRE.MatchString(ticker) {
		return "", "", "", false
	}
	return name, ticker, strings.TrimSpace(title[loc[1]:]), true
}

// headlineWords are words of headlines that are no part of a name.
var headlineWords = map[string]bool{
	"TO": true, "SAYS": true, "SAID": true, "SEES": true, "BUY": true, "BUYS": true, "SELL": true,
	"SELLS": true, "OFFERS": true, "OFFER": true, "UNIT": true, "UNUSUAL": true, "IN": true, "FOR": true,
}

// plainName says whether the words before a ticker in a title look like
// a company's name only: at most five words, none of them a headline
// word, ending with a corporate suffix unless there are three or fewer.
func plainName(name string) bool {
	words := strings.Fields(name)
	if len(words) > 5 {
		return false
	}
	for _, w := range words {
		if headlineWords[w] {
			return false
		}
	}
	return len(words) <= 3 || withoutSuffix(name) != name
}

// genericWords start many company names: "American" alone is no name.
var genericWords = map[string]bool{
	"FIRST": true, "AMERICAN": true, "NATIONAL": true, "GENERAL": true, "UNITED": true, "INTERNATIONAL": true,
	"NORTH": true, "SOUTH": true, "WESTERN": true, "EASTERN": true, "CONTINENTAL": true, "FEDERAL": true,
	"PACIFIC": true, "ATLANTIC": true, "CENTRAL": true, "SECURITY": true, "SOUTHERN": true, "NORTHERN": true,
}

// corporateSuffixes end company names; texts often leave them out.
var corporateSuffixes = []string{" inc", " corp", " co", " ltd", " plc", " ag", " nv", " sa", " corporation", " company", " limited"}

// withoutSuffix returns name without its corporate suffix ("Seven Oaks"
// for "Seven Oaks Inc"), or name when it has none or too little is left.
func withoutSuffix(name string) string {
	n := strings.TrimSuffix(name, ".")
	for _, s := range corporateSuffixes {
		if len(n) > len(s) && strings.EqualFold(n[len(n)-len(s):], s) && letters(n[:len(n)-len(s)]) >= 4 {
			return n[:len(n)-len(s)]
		}
	}
	return name
}

// replaceFold replaces every occurrence of old in s, in any case, that
// stands as whole words, by repl.
func replaceFold(s, old, repl string) string {
	lower := strings.ToLower(s) // Reuters text is ASCII: offsets agree.
	var b strings.Builder
	last := 0
	for i := 0; ; {
		j := strings.Index(lower[i:], old)
		if j < 0 {
			break
		}
		start, end := i+j, i+j+len(old)
		if wordEdge(s, start-1) && wordEdge(s, end) {
			b.WriteString(s[last:start])
			b.WriteString(repl)
			last = end
		}
		i = end
	}
	b.WriteString(s[last:])
	return b.String()
}

// wordEdge says whether the byte at i, if any, is not part of a word.
func wordEdge(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	c := s[i]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c >= 0x80)
}

// titleCase writes an upper-case wire name as a text would: "SEVEN OAKS
// INC" becomes "Seven Oaks Inc".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// redraw returns w with each run of digits redrawn at random: runs of one
// or two digits (days, small counts) as a different number from 1 to 28,
// longer runs digit by digit, keeping their length and never equal to
// the old run. Years (19xx, 20xx) are kept.
func redraw(r *rand.Rand, w string) (string, bool) {
	var b strings.Builder
	changed := false
	for i := 0; i < len(w); {
		if w[i] < '0' || w[i] > '9' {
			b.WriteByte(w[i])
			i++
			continue
		}
		j := i
		for j < len(w) && w[j] >= '0' && w[j] <= '9' {
			j++
		}
		run := w[i:j]
		switch {
		case len(run) == 4 && (run[:2] == "19" || run[:2] == "20"):
			b.WriteString(run)
		case len(run) <= 2:
			old, _ := strconv.Atoi(run)
			v := 1 + r.IntN(28)
			for v == old {
				v = 1 + r.IntN(28)
			}
			b.WriteString(strconv.Itoa(v))
			changed = true
		default:
			nr := []byte(run)
			for string(nr) == run {
				nr[0] = byte('1' + r.IntN(9))
				for k := 1; k < len(nr); k++ {
					nr[k] = byte('0' + r.IntN(10))
				}
			}
			b.Write(nr)
			changed = true
		}
		i = j
	}
	return b.String(), changed
}

// substitute returns a story cut from the template of the story (title,
// text) about the company of donorTitle: the company's name and ticker
// replaced, in the title and the text, by the donor's, and every figure
// redrawn (see redraw). The figures are not the donor's: a donor cut from
// the same template would then make the result a copy of the donor.
// ok is false when either title names no company by ticker, the two
// companies are one, or fewer than two figures changed.
func substitute(r *rand.Rand, title, text, donorTitle, donorText string) (newTitle, newText string, ok bool) {
	name, ticker, rest, ok1 := tickerTitle(title)
	dname, dticker, _, ok2 := tickerTitle(donorTitle)
	if !ok1 || !ok2 || !plainName(dname) || ticker == dticker || strings.EqualFold(name, dname) {
		return "", "", false
	}
	newTitle = dname + " <" + dticker + "> " + rest
	// The donor's name as its own text writes it, if it does.
	repl := titleCase(dname)
	if i := strings.Index(strings.ToLower(donorText), strings.ToLower(dname)); i >= 0 {
		repl = donorText[i : i+len(dname)]
	}
	// One figure redrawn once: "54 cts vs 54 cts" stays a figure and
	// itself.
	redrawn := make(map[string]string)
	paras := Paragraphs(text)
	changed := 0
	for pi, p := range paras {
		ws := strings.Fields(p)
		for wi, w := range ws {
			if !isFigure(w) {
				continue
			}
			nw, ok := redrawn[w]
			if !ok {
				nw, _ = redraw(r, w)
				redrawn[w] = nw
			}
			if nw != w {
				changed++
			}
			ws[wi] = nw
		}
		paras[pi] = strings.Join(ws, " ")
	}
	newText = strings.Join(paras, "\n\n")
	newText = strings.ReplaceAll(newText, "<"+ticker+">", "<"+dticker+">")
	newText = replaceFold(newText, strings.ToLower(name), repl)
	if base := withoutSuffix(name); base != name {
		newText = replaceFold(newText, strings.ToLower(base), withoutSuffix(repl))
	}
	if first, _, _ := strings.Cut(name, " "); first != name && !genericWords[first] && letters(first) >= 5 {
		dfirst, _, _ := strings.Cut(repl, " ")
		newText = replaceFold(newText, strings.ToLower(first), dfirst)
	}
	if changed < 2 {
		return "", "", false
	}
	return newTitle, newText, true
}
