package events

// clauseView is what a pattern is matched against: a clause's words, the
// verb that triggered it, and the parties of the clause (named entities,
// agents) as token spans.
type clauseView struct {
	ids         []int32 // per token: the word's id in the patterns' vocabulary, -1 if none
	sing        []int32 // per token: its singular's id as well, -1 if none
	words       []string
	tags        []wordTags // per token: its lexicon tags
	lo, hi      int        // the clause: tokens [lo, hi)
	verb, verb1 int        // the trigger: tokens [verb, verb1)
	parties     []span
	// present[id] == stamp for the words of the clause.
	present []uint32
	stamp   uint32
}

type span struct{ start, end int }

// matchResult is what a pattern found: the parties its "$" and "+" marked
// (-1 if none), and how many words it matched.
type matchResult struct {
	source, target int
	weight         int
	// inexact counts the words matched by their singular: of equally
	// specific patterns, the one written as the text writes wins
	// ("SANCTIONS" over "SANCTION" for "lifted sanctions").
	inexact int
	// near is how many words stand between the verb and the nearest of
	// the pattern's words: of equally specific patterns, the one nearest
	// the verb wins ("sent vehicles and a team": VEHICLES, not TEAM;
	// "Minister Babis resigned after his coalition lost": MINISTER).
	near int
	// end is where the words the pattern matched after the verb end.
	end int
	// negates is the pattern's (see compiled.negates).
	negates bool
}

// better reports whether r is a better match than s: more specific, else
// nearer the verb, else written as the text writes it.
func (r matchResult) better(s matchResult) bool {
	if r.weight != s.weight {
		return r.weight > s.weight
	}
	if r.near != s.near {
		return r.near < s.near
	}
	return r.inexact < s.inexact
}

// match reports whether p matches v: its Post elements in order after the
// verb, its Pre elements in order before it, all inside the clause.
func (v *clauseView) match(p *compiled) (matchResult, bool) {
	r := matchResult{source: -1, target: -1, weight: p.weight, near: v.hi, negates: p.negates}
	end, ok := v.matchSeq(p.post, v.verb1, v.hi, &r)
	if !ok {
		return r, false
	}
	r.end = end
	if len(p.pre) > 0 && !v.matchPre(p, &r) {
		return r, false
	}
	return r, true
}

// matchPre reports whether p's Pre elements match before the verb, in
// order, the last right before it if p's words are joined to it.
func (v *clauseView) matchPre(p *compiled, r *matchResult) bool {
	start := *r
	for from := v.lo; from < v.verb; from++ {
		*r = start // what a failed try found is not the match's
		end, ok := v.matchSeq(p.pre, from, v.verb, r)
		if !ok || end > v.verb {
			return false
		}
		if !p.joined || end == v.verb {
			return true
		}
	}
	return false
}

// matchSeq finds elems in order in words[from:to], each after the one
// before, and returns where the last ended.
func (v *clauseView) matchSeq(elems []element, from, to int, r *matchResult) (int, bool) {
	pos := from
	for k := range elems {
		e := &elems[k]
		switch e.kind {
		case elemWords:
			at, n := v.find(e, pos, to, r)
			if at < 0 || k == 0 && from == v.verb1 && at-v.verb1 > particleReach && v.particle(e, at) {
				return pos, false
			}
			if at >= v.verb1 {
				r.near = min(r.near, at-v.verb1)
			} else {
				r.near = min(r.near, v.verb-(at+n))
			}
			pos = at + n
		case elemPrep:
			at, n := v.find(e, pos, to, r)
			if at < 0 {
				return pos, false
			}
			end, ok := v.matchSeq(e.sub, at+n, to, r)
			if !ok {
				return pos, false
			}
			// An empty phrase "(WITH)" needs a party after the
			// preposition: it is where the pattern's party is.
			if len(e.sub) == 0 {
				if p := v.partyFrom(at+n, to); p >= 0 {
					end = v.parties[p].end
				}
			}
			pos = end
		case elemSource, elemTarget, elemCompound, elemSkip:
			p := v.partyFrom(pos, to)
			if p < 0 || k > 0 && v.crosses(pos, v.parties[p].start) {
				if e.kind == elemSkip && pos < to {
					pos++ // a phrase of no party, a word at least: "warned their populations about"
					continue
				}
				return pos, false
			}
			if e.kind == elemSkip && k+1 < len(elems) && (elems[k+1].kind == elemWords || elems[k+1].kind == elemPrep) {
				// The phrase to skip stands before the words that follow it
				// in the pattern, or is none of a party.
				var scratch matchResult
				if at, _ := v.find(&elems[k+1], pos+1, to, &scratch); at >= 0 && at < v.parties[p].end {
					pos++
					continue
				}
			}
			switch e.kind {
			case elemSource:
				r.source = p
			case elemTarget:
				r.target = p
			case elemCompound:
				if v.parties[p].start >= v.verb1 {
					// "agrees with % ": the subject with each of them.
					r.target = p
				} else {
					r.source, r.target = p, p // "% agree": with each other
				}
			}
			pos = v.parties[p].end
		}
	}
	return pos, true
}

// mayMatch reports whether pattern k of bp may match v: whether the
// clause has a first word of each of its elements that needs words. Most
// candidates fail this, at the cost of a few loads, where match would
// search the clause for their words.
func (v *clauseView) mayMatch(bp *blockPatterns, k int32) bool {
	need := bp.need[bp.needAt[k]:bp.needAt[k+1]]
	for len(need) > 0 {
		n := need[0]
		found := false
		for _, id := range need[1 : 1+n] {
			if v.present[id] == v.stamp {
				found = true
				break
			}
		}
		if !found {
			return false
		}
		need = need[1+n:]
	}
	return true
}

// find returns the first position in [from, to) where one of e's
// alternatives is written, and its length in words; -1 if none. It counts
// the words found by their singular in r.inexact.
func (v *clauseView) find(e *element, from, to int, r *matchResult) (int, int) {
	for i := from; i < to; i++ {
		w, s := v.ids[i], v.sing[i]
		if w < 0 || !e.startsWith(w) && (s < 0 || !e.startsWith(s)) {
			continue
		}
	alts:
		for j, h := range e.heads {
			if h != w && h != s {
				continue
			}
			a := e.alts[j]
			if i+len(a) > to {
				continue
			}
			for k := 1; k < len(a); k++ {
				if v.ids[i+k] != a[k] && v.sing[i+k] != a[k] {
					continue alts
				}
			}
			for k := range a {
				if v.ids[i+k] != a[k] {
					r.inexact++
				}
			}
			return i, len(a)
		}
	}
	return -1, 0
}

// crosses reports whether tokens [from, to), between a pattern's words
// and the party it marks, leave the phrase: "ties with Gxndor, years after
// crowds burned" does not mark the crowds.
func (v *clauseView) crosses(from, to int) bool {
	for k := from; k < to; k++ {
		if v.words[k] == "," || v.tags[k]&wordTags(classOpener|classSubordinator) != 0 {
			return true
		}
	}
	return false
}

// partyFrom returns the first party that starts in [from, to), -1 if none.
func (v *clauseView) partyFrom(from, to int) int {
	for k, p := range v.parties {
		if p.start >= from && p.start < to && p.end <= to {
			return k
		}
	}
	return -1
}

// particleReach is how far after its verb a particle of a pattern may
// stand: "called off the strike", "called the strike off", but not the
// preposition of "fired missiles into the sea off its coast".
const particleReach = 3

// particles are the words a pattern may write right after its verb as
// the verb's particle ("FIRE * OFF", "BLOW * UP").
var particles = map[string]bool{"OFF": true, "UP": true, "DOWN": true, "OUT": true, "BACK": true, "AWAY": true}

// particle reports whether e, found at token at, is a particle alone.
func (v *clauseView) particle(e *element, at int) bool {
	return len(e.alts) == 1 && len(e.alts[0]) == 1 && particles[v.words[at]]
}
