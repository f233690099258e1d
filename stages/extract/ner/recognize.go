package ner

import (
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// Evidence strength of a mention's type: later passes let stronger
// evidence win when the same name was typed differently elsewhere.
const (
	evidenceDefault = iota + 1 // the shape of the span only
	evidenceContext            // a preposition or a name seen elsewhere
	evidenceCue                // a role, a first name, an organisation or place word
	evidenceKnown              // the gazetteer
)

// mention is a name in the text, before mentions are merged into
// entities.
type mention struct {
	tok0, tok1 int // tokens [tok0, tok1)
	typ        string
	evidence   int
	country    string
	role       string
	entry      *gazetteer.Entry // the gazetteer's entry for the name, if any
	// entries are all the gazetteer's entries of a place name, for
	// disambiguation once every place of the text is known.
	entries []gazetteer.Entry
	// key is the hash of the normalised name (see nameHash), and tally
	// the index of its tally in doc.tallies, both set by retype.
	key   uint64
	tally int32
}

// recognize finds the mentions of every sentence.
func (d *doc) recognize() {
	for _, s := range d.sents {
		d.spans(s, func(i, j int) {
			d.splitInner(i, j, d.segment)
		})
	}
}

// segment types the span [i, j), after cutting off what precedes the name
// proper: titles and roles ("U.S. President Donald Trump" gives the place
// "U.S." and the person "Donald Trump", role "President"), and a known
// name followed by another ("United States Hamdullah Mohib").
func (d *doc) segment(i, j int) {
	i, j = d.trim(i, j)
	if i >= j {
		return
	}
	// A role run followed by a name: the role and what stands before it.
	for k := i; k < j-1; k++ {
		if !d.is(k, cueRole) || !d.isRoleRun(k, j) {
			continue
		}
		r := d.roleRunEnd(k, j-1)
		if r == j || d.toks[r].Flags&token.Possessive != 0 {
			break // nobody named: "Sheriff's Office"
		}
		country := ""
		if k > i {
			country = d.modifier(i, k)
		} else {
			country = d.possessor(i)
		}
		roleEnd := r
		// "Governor of Washington Chris Gregoire", "Minister of Education
		// Stefania Giannini": the role's domain, then the person.
		if w := d.word(r); (w == "of" || w == "for") && r+1 < j {
			q := r + 1
			if d.word(q) == "the" {
				q++
			}
			end := d.qualifier(q, j)
			if end <= q || end >= j {
				// "Director of the National Iodine Nutrition Network",
				// "Secretary of State": the role's domain, nobody named.
				d.segment(q, j)
				return
			}
			if c := d.modifier(q, end); c != "" && country == "" {
				country = c
			}
			roleEnd, r = r, end
		}
		role := d.roleText(k, roleEnd)
		if roleEnd != r && role != "" {
			role = d.text[d.toks[k].Start:d.toks[r-1].End] // "Governor of Washington"
		}
		d.add(r, j, event.TypePerson, evidenceCue, country, role)
		return
	}
	if k := d.headThenName(i, j); k > i {
		// "Refugee Council Enver Solomon": an organisation, then a person.
		d.segment(i, k)
		d.add(k, j, event.TypePerson, evidenceCue, "", "")
		return
	}
	if d.allRoleWords(i, j) {
		return // "Chief Executive": a role, nobody's name
	}
	// A known name followed by more words that are not part of it.
	if j-i >= 2 {
		if k := d.knownPrefix(i, j); k > i && k < j && !d.is(j-1, cueOrgHead) && !d.is(j-1, cuePlaceHead) && !d.is(k, cueConnector) &&
			(!d.is(i, cueOrgHead) || d.firstNameIn(k, j)) && !d.orgWordInside(k, j) {
			if p := d.nameGoesOn(i, k, j); p != nil {
				d.add(i, j, event.TypePerson, evidenceCue, p.Country, "")
				return
			}
			// Not "Pakistan Tehreek-e-Insaf", "Chama Cha Mapinduzi":
			// an organisation's name that starts with a known one.
			d.segment(i, k)
			d.segment(k, j)
			return
		}
	}
	d.classify(i, j)
}

// nameGoesOn returns the known person [i, k) if they are named more fully
// by the one word after it, which is no country, organisation or large
// city: "Samia Suluhu Hassan" is Samia Suluhu, not her and someone (or the
// Indian town) called Hassan.
func (d *doc) nameGoesOn(i, k, j int) *gazetteer.Entry {
	if j != k+1 || d.toks[k].Flags&token.AllUpper != 0 {
		return nil
	}
	if e := pick(d.lookup(k, j)); e != nil && e.Kind != gazetteer.Person &&
		(e.Kind != gazetteer.City || e.Capital || e.Population >= 1_000_000) {
		return nil
	}
	if e := pick(d.lookup(i, k)); e != nil && e.Kind == gazetteer.Person {
		return e
	}
	return nil
}

// qualifier returns the end of the role's domain starting at q: a known
// name, else the words up to the first first name.
func (d *doc) qualifier(q, j int) int {
	end := q
	for k := q + 1; k < j && k-q <= gazetteer.MaxNameWords; k++ {
		if len(d.lookup(q, k)) > 0 {
			end = k
		}
	}
	if end > q {
		return end
	}
	for k := q + 1; k < j; k++ {
		if d.firstName(k) {
			return k
		}
	}
	return q
}

// headThenName returns the start of a person's name that follows an
// organisation or place word inside [i, j), or i when there is none.
func (d *doc) headThenName(i, j int) int {
	for k := i + 1; k < j-1; k++ {
		if (d.is(k-1, cueOrgHead) || d.is(k-1, cuePlaceHead)) && d.firstName(k) {
			return k
		}
	}
	return i
}

// roleRunEnd returns where the role words that start at token k end,
// before j: words joined by a hyphen are one ("Secretary-General",
// "Attorney-General").
func (d *doc) roleRunEnd(k, j int) int {
	r := k
	for r < j {
		switch {
		case d.is(r, cueRole):
			r++
		case r > k && r+1 < j && d.word(r) == "-" && d.joined(r-1) && d.joined(r) && d.is(r+1, cueRole):
			r += 2
		default:
			return r
		}
	}
	return r
}

// allRoleWords reports whether every word of [i, j) is a role word.
func (d *doc) allRoleWords(i, j int) bool {
	for k := i; k < j; k++ {
		if !d.is(k, cueRole) {
			return false
		}
	}
	return true
}

// isRoleRun reports whether the role words starting at k are a title
// (capitalised, or an honorific) rather than part of an organisation's
// name ("Minister of Defence" is not followed by a person).
func (d *doc) isRoleRun(k, j int) bool {
	r := d.roleRunEnd(k, j)
	if r >= j {
		return false
	}
	// The head of the run must name a role, and the rest must look like a
	// name: not an organisation word.
	return d.is(r-1, cueRoleHead) || d.is(r-1, cueHonorific) || d.is(k, cueRoleHead)
}

// roleText is the role words [k, r) without honorifics, as written.
func (d *doc) roleText(k, r int) string {
	for k < r && d.is(k, cueHonorific) {
		k++
	}
	if k >= r {
		return ""
	}
	return d.span(k, r)
}

// modifier handles the words before a role ("U.S." in "U.S. President",
// "Kremlin" in "Kremlin spokesman", "Russian"): they are a name of their
// own, or a demonym; it returns the country they give the person.
func (d *doc) modifier(i, k int) string {
	if k == i+1 {
		if c, ok := gazetteer.Demonym(d.word(i)); ok {
			return c
		}
	}
	n := len(d.ms)
	d.segment(i, k)
	for _, m := range d.ms[n:] {
		if m.country != "" {
			return m.country
		}
	}
	return ""
}

// knownPrefix returns the end of the longest gazetteer name starting at
// token i within [i, j), or i when none starts there. A one-word place
// that is weak evidence (see strongPlace) is not a prefix: "Michael Tien"
// is not the Isle of Man's Michael followed by a stray word.
func (d *doc) knownPrefix(i, j int) int {
	best := i
	for k := i + 1; k <= j && k-i <= gazetteer.MaxNameWords; k++ {
		if d.word(k-1) == "-" || k+1 < j && d.joined(k-1) && d.word(k) == "-" && d.toks[k+1].Flags&token.Upper == 0 {
			continue // no name ends with a hyphen, or halfway through "Chi-wai"
		}
		entries := d.lookup(i, k)
		if len(entries) == 0 {
			continue
		}
		// A first name followed by another name is a person's name, unless
		// it names a country ("Jordan Peterson" is rare next to Jordan).
		if k == i+1 && (!strongPlace(d.word(i), pick(entries)) || d.firstName(i) && pick(entries).Kind != gazetteer.Country ||
			pick(entries).Kind == gazetteer.Person || d.givenNameAfter(k, j)) {
			// Nor does a known surname start another's name ("Nabil
			// Maaloul", "Hau Lung-bin"), nor a city's name a family
			// name before a hyphenated given name ("Cheng Chung-tai").
			continue
		}
		best = k
	}
	return best
}

func (d *doc) add(i, j int, typ string, evidence int, country, role string) {
	if typ == event.TypeOrganization {
		country = d.orgCountry(i, country)
	}
	d.ms = append(d.ms, mention{tok0: i, tok1: j, typ: typ, evidence: evidence, country: country, role: role})
}

func (d *doc) addEntry(i, j int, e *gazetteer.Entry, entries []gazetteer.Entry) {
	m := mention{tok0: i, tok1: j, evidence: evidenceKnown, country: e.Country, entry: e, entries: entries}
	switch e.Kind {
	case gazetteer.Person:
		m.typ = event.TypePerson
	case gazetteer.Org:
		m.typ = event.TypeOrganization
		m.country = d.orgCountry(i, m.country)
	default:
		m.typ = event.TypeLocation
	}
	d.ms = append(d.ms, m)
}

// orgCountry is the country of an organisation named from token i: the
// country whose it is said to be ("Kenya's Ministry of Health", "Hong
// Kong's Democratic Party"), else the one it is known by.
func (d *doc) orgCountry(i int, known string) string {
	if i > 0 && d.toks[i-1].Flags&token.Possessive != 0 {
		if c := d.possessor(i); c != "" {
			return c
		}
	}
	return known
}

// lookup returns the gazetteer's entries for the words [i, j). The last
// answer is kept: the segmenters look a span up, then classify looks up
// the same span again.
func (d *doc) lookup(i, j int) []gazetteer.Entry {
	if d.looked.ok && d.looked.i == i && d.looked.j == j {
		return d.looked.entries
	}
	e := gazetteer.Lookup(d.span(i, j))
	d.looked = lookedUp{i: i, j: j, entries: e, ok: true}
	return e
}

// lookedUp is lookup's last answer.
type lookedUp struct {
	i, j    int
	entries []gazetteer.Entry
	ok      bool
}

// nameHash hashes a name's comparison form: lower case, without "the"
// and punctuation, words separated by one space ("The Kremlin", "Kremlin";
// "U.S.", "US"). Names are compared by this hash within one text, where a
// collision of 64-bit hashes does not happen in practice.
func nameHash(s string) uint64 {
	h := uint64(14695981039346656037)
	word := true // at the start of a word
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' {
			word, space = true, space || h != 14695981039346656037
			continue
		}
		if word {
			word = false
			// Skip "the" as a whole word.
			if len(s)-i >= 3 && (s[i]|0x20) == 't' && (s[i+1]|0x20) == 'h' && (s[i+2]|0x20) == 'e' &&
				(len(s)-i == 3 || s[i+3] == ' ') {
				i += 2
				continue
			}
			if space {
				h ^= ' '
				h *= 1099511628211
				space = false
			}
		}
		if c == '.' || c == '\'' {
			continue
		}
		if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99 { // ’
			i += 2
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}
