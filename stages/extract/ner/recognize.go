package ner

import (
	"strings"

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
		r := k
		for r < j-1 && d.is(r, cueRole) {
			r++
		}
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
	r := k
	for r < j && d.is(r, cueRole) {
		r++
	}
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

// strongPlace reports whether a one-word gazetteer entry is evidence
// enough by itself: countries, people and organisations are; a place only
// when it is a capital or a city of 100,000 people or more, or a region,
// and its name is not a first name. Small towns are named like people
// ("Montalvo", "Gloria", "Kim") far more often than they are in the news.
func strongPlace(word string, e *gazetteer.Entry) bool {
	switch e.Kind {
	case gazetteer.City:
		switch {
		case e.Capital || e.Population >= 1_000_000:
			return true
		case e.Population < 100_000:
			return false
		}
		_, first := gazetteer.FirstName(word)
		return !first
	case gazetteer.Region:
		// The regions of a populous country are known far and wide
		// ("Florida", "Bavaria"); the parishes of a small one are named
		// like people ("Michael", "Andreas" on the Isle of Man).
		if c, _ := gazetteer.LookupCountry(e.Country); c.Population >= 10_000_000 {
			return true
		}
		_, first := gazetteer.FirstName(word)
		return !first
	}
	return true // countries, people, organisations
}

// classify types the name [i, j) from what is known of it and around it.
func (d *doc) classify(i, j int) {
	name := d.span(i, j)
	single := j == i+1
	entries := d.lookup(i, j)
	if single {
		if _, ok := gazetteer.Demonym(name); ok {
			return // an adjective or a group: not a name
		}
		if len(entries) == 0 && d.firstName(i) && !d.atSentenceStart(i) && !d.membersBefore(i) {
			d.add(i, j, event.TypePerson, evidenceCue, "", "") // "their child, Gloria"
			return
		}
	}
	if len(entries) == 0 && d.toks[i].Flags&token.AllUpper != 0 {
		// A name in capitals is an acronym or a shouted name: a country,
		// a person or an organisation, never a town spelled in capitals;
		// but for the dateline that opens a story ("PARIS, Texas —"),
		// which is only ever a place.
		if d.dateline(i, j) {
			entries = onlyPlaces(gazetteer.LookupFold(name))
		} else {
			entries = notPlaces(gazetteer.LookupFold(name))
		}
	}
	if single && (d.hyphenPrefix(j) || d.hyphenSuffix(i)) {
		return // "Pan-democrats", "pro-Beijing": part of a compound word
	}
	if single && d.era(i) {
		return // "512 BC", "AD 79": an era, not a name
	}
	if single && len(entries) == 0 && d.atSentenceStart(i) && d.toks[i].Flags&token.AllUpper == 0 && d.writtenLower(name) {
		// "Iodine deficiency is …" where the text writes "iodine"
		// elsewhere: capitalised for the sentence, not a name.
		return
	}
	if single && len(entries) > 0 && !strongPlace(name, pick(entries)) && d.firstName(i) && !d.placeBefore(i) {
		// "their child, Gloria"; but "in Geneva" is the city.
		d.add(i, j, event.TypePerson, evidenceCue, "", "")
		return
	}
	if e := pick(entries); e != nil && !(single && gazetteer.CommonWord(name) && d.atSentenceStart(i)) {
		d.addEntry(i, j, e, entries)
		if single && (!strongPlace(name, e) || e.Kind == gazetteer.Person) {
			// Kept, but the text may show it is someone else: a town is a
			// person ("Gloria"), a known surname another person's whom
			// the text names in full ("Alex Scholz" … "Scholz"; retype).
			d.ms[len(d.ms)-1].evidence = evidenceContext
		}
		return
	}
	if single && d.is(i, cueCommon) && d.toks[i].Flags&token.AllUpper == 0 {
		return // "I", "We": capitalised for another reason
	}
	switch {
	case d.currency(j):
		return // "US$ 20,000"
	case !single && d.is(j-1, cueEventHead):
		return // "World Cup", "Lantern Festival": an event, not an entity
	case d.is(j-1, cueOrgHead) || !single && d.orgWordInside(i, j):
		d.add(i, j, event.TypeOrganization, evidenceCue, "", "")
	case !single && (d.is(j-1, cuePlaceHead) || d.is(i, cuePlaceHead) && d.hasConnector(i, j)):
		d.add(i, j, event.TypeLocation, evidenceCue, "", "")
	case d.orgNounAfter(j):
		d.add(i, j, event.TypeOrganization, evidenceCue, "", "")
	case d.membersBefore(i):
		d.add(i, j, event.TypeOrganization, evidenceContext, "", "") // "crews from Oncor"
	case d.affiliation(i):
		// "Nathan Law of Demosisto", "Matthew Ingram of The Globe and
		// Mail": what a person is "of" is their organisation.
		d.add(i, j, event.TypeOrganization, evidenceCue, "", "")
	case single && j < len(d.toks) && (d.is(j, cueSpeech) || d.personVerb(j) || d.whoAfter(j)):
		d.add(i, j, event.TypePerson, evidenceContext, "", "") // "Rathbun said", "Trump met", "Seagal, who"
	case single && i > 0 && d.toks[i-1].Kind == token.Word && d.is(i-1, cuePersonObject):
		d.add(i, j, event.TypePerson, evidenceContext, "", "") // "met Xi"
	case d.hasRoleBefore(i):
		role, country := d.roleBefore(i)
		d.add(i, j, event.TypePerson, evidenceCue, country, role)
	case !single && d.firstName(i):
		d.add(i, j, event.TypePerson, evidenceCue, "", "")
	case single && d.toks[i].Flags&token.AllUpper != 0 && len(name) <= 6:
		d.add(i, j, event.TypeOrganization, evidenceDefault, "", "")
	case d.placeBefore(i):
		d.add(i, j, event.TypeLocation, evidenceContext, "", "")
	case single:
		// A capitalised word known nowhere and with no cue around it is
		// kept only if the text types it elsewhere (see retype): alone it
		// is a product, a group, a religion or an event ("Polaroids",
		// "Rohingya", "Hajj") as often as an organisation.
		d.add(i, j, "", 0, "", "")
	case d.words(i, j) <= 3 && !d.hasCommonWord(i, j):
		if d.personShape(i, j) {
			d.add(i, j, event.TypePerson, evidenceDefault, "", "")
		} else {
			d.add(i, j, "", 0, "", "") // a product or a thing of a kind
		}
	default:
		d.add(i, j, event.TypeOrganization, evidenceDefault, "", "")
	}
}

// pick chooses among gazetteer entries of one name: a country or a
// continent or world region; else an organisation or person; else a capital or a city of a million people; else a region of a populous
// country (a region's name is better known than a town's of the same
// name: "Florida" is the state, not the Cuban town); else the first entry,
// the most populous place or the person or organisation.
func pick(entries []gazetteer.Entry) *gazetteer.Entry {
	if len(entries) == 0 {
		return nil
	}
	for k := range entries {
		if entries[k].Kind == gazetteer.Country || entries[k].Kind == gazetteer.Area {
			return &entries[k]
		}
	}
	// An organisation or person the curated lists know is what the name
	// means in the news, even where a town has it as an alternate name
	// ("White House" is also Casablanca's).
	for k := range entries {
		if e := &entries[k]; e.Kind == gazetteer.Org || e.Kind == gazetteer.Person {
			return e
		}
	}
	for k := range entries {
		if e := &entries[k]; e.Kind == gazetteer.City && (e.Capital || e.Population >= 1_000_000) {
			return e
		}
	}
	for k := range entries {
		if e := &entries[k]; e.Kind == gazetteer.Region {
			if c, _ := gazetteer.LookupCountry(e.Country); c.Population >= 10_000_000 {
				return e
			}
		}
	}
	return &entries[0]
}

// words counts the words of [i, j), a hyphenated word as one.
func (d *doc) words(i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if k == i || d.toks[k].Flags&token.SpaceBefore != 0 {
			n++
		}
	}
	return n
}

// hasCommonWord reports whether a word of [i, j) is a common English word
// (known to the gazetteer, or written in lower case elsewhere in the
// text): "Space Shuttle", "Visual Arts" are not people's names.
func (d *doc) hasCommonWord(i, j int) bool {
	for k := i; k < j; k++ {
		if d.toks[k].Flags&(token.Upper|token.AllUpper) == 0 {
			continue // the lower-case part of a hyphenated name ("Wai-ching")
		}
		w := d.word(k)
		if d.is(k, cueOrgHead|cuePlaceHead) || gazetteer.CommonWord(w) || d.writtenLower(w) {
			return true
		}
	}
	return false
}

// personShape reports whether [i, j) is written as people's names are: not
// after an acronym ("UNC Greensboro", "HMC Searcher") nor before a code of
// one or two capitals ("PlayStation VR", "Windows XP", "Protected B").
func (d *doc) personShape(i, j int) bool {
	first, last := d.toks[i], d.word(j-1)
	acronym := first.Flags&token.AllUpper != 0 && first.End-first.Start >= 3 && strings.IndexByte(d.word(i), '.') < 0 // not "K.C."
	return !acronym &&
		!(len(last) <= 2 && strings.Trim(last, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "")
}

// orgWordInside reports whether an organisation word stands inside [i,
// j) before a connector or at its start ("Andy Warhol Foundation for the
// Visual Arts", "Bank of England").
func (d *doc) orgWordInside(i, j int) bool {
	for k := i; k < j-1; k++ {
		if d.is(k, cueOrgHead) && (k == i || d.is(k+1, cueConnector) || d.word(k+1) == "-") {
			return true
		}
	}
	return false
}

// affiliation reports whether the name at i follows "<person> of" or
// "<person> for".
func (d *doc) affiliation(i int) bool {
	k := i - 1
	if k > 0 && d.is(k, cueDeterminer) {
		k--
	}
	if k < 1 || !(d.word(k) == "of" || d.word(k) == "for") {
		return false
	}
	for m := len(d.ms) - 1; m >= 0 && m >= len(d.ms)-2; m-- {
		if d.ms[m].tok1 == k && d.ms[m].typ == event.TypePerson {
			return true
		}
	}
	return false
}

// orgNounAfter reports whether the word after j says the name is an
// organisation's ("Scientology officials").
func (d *doc) orgNounAfter(j int) bool {
	return j < len(d.toks) && d.toks[j].Kind == token.Word && d.toks[j].Flags&(token.Upper|token.AllUpper) == 0 &&
		d.is(j, cueOrgNounAfter)
}

// membersBefore reports whether the name at i follows people of an
// organisation and "from", "for" or "at": "crews from Oncor", "a
// spokesperson for Zenith".
func (d *doc) membersBefore(i int) bool {
	if i < 2 || d.toks[i-1].Kind != token.Word || d.toks[i-2].Kind != token.Word {
		return false
	}
	switch d.word(i - 1) {
	case "from", "for", "at":
		return d.is(i-2, cueOrgMember) && d.toks[i-2].Flags&(token.Upper|token.AllUpper) == 0
	}
	return false
}

// currency reports whether a currency sign is written right after the
// name ending at j ("US$").
func (d *doc) currency(j int) bool {
	return j < len(d.toks) && d.toks[j].Kind == token.Symbol && d.toks[j].Flags&token.SpaceBefore == 0
}

func (d *doc) hasConnector(i, j int) bool {
	for k := i; k < j; k++ {
		if d.word(k) == "of" {
			return true
		}
	}
	return false
}

// notPlaces keeps the entries that are not towns or regions.
// onlyPlaces returns the places among entries.
func onlyPlaces(entries []gazetteer.Entry) []gazetteer.Entry {
	var out []gazetteer.Entry
	for _, e := range entries {
		switch e.Kind {
		case gazetteer.City, gazetteer.Region, gazetteer.Country, gazetteer.Area:
			out = append(out, e)
		}
	}
	return out
}

// dateline reports whether [i, j) is a dateline's place: words in
// capitals opening a paragraph, followed by a comma, a dash or an opening
// parenthesis ("PARIS, Texas —", "LONDON (Reuters) -", "KYIV —").
func (d *doc) dateline(i, j int) bool {
	if d.toks[i].Flags&token.ParagraphStart == 0 || j >= len(d.toks) {
		return false
	}
	for k := i; k < j; k++ {
		if d.toks[k].Kind == token.Word && d.toks[k].Flags&token.AllUpper == 0 {
			return false
		}
	}
	switch d.word(j) {
	case ",", "—", "–", "-", "(":
		return true
	}
	return false
}

func notPlaces(entries []gazetteer.Entry) []gazetteer.Entry {
	for _, e := range entries {
		if e.Kind == gazetteer.City || e.Kind == gazetteer.Region {
			var out []gazetteer.Entry
			for _, e := range entries {
				if e.Kind != gazetteer.City && e.Kind != gazetteer.Region {
					out = append(out, e)
				}
			}
			return out
		}
	}
	return entries
}

// hyphenPrefix reports whether the token before j is joined by a hyphen
// to a lower-case word after it: a compound ("Pan-democrats").
func (d *doc) hyphenPrefix(j int) bool {
	return j+1 < len(d.toks) && d.word(j) == "-" && d.joined(j-1) && d.joined(j) &&
		d.toks[j+1].Kind == token.Word && d.toks[j+1].Flags&(token.Upper|token.AllUpper) == 0
}

// hyphenSuffix reports whether the token at i is joined by a hyphen to a
// compound prefix before it ("pro-Beijing", "anti-Trump", "Pro-Beijing"
// starting a sentence), not to a name's particle ("al-Assad").
func (d *doc) hyphenSuffix(i int) bool {
	return i >= 2 && d.word(i-1) == "-" && d.toks[i].Flags&token.SpaceBefore == 0 && d.joined(i-2) &&
		d.toks[i-2].Kind == token.Word && d.toks[i-2].Flags&token.AllUpper == 0 && d.is(i-2, cueCompoundPrefix)
}

// firstName reports whether token i is a known first name.
func (d *doc) firstName(i int) bool {
	return d.is(i, cueFirstName)
}

// hasRoleBefore reports whether a role word stands right before token i.
func (d *doc) hasRoleBefore(i int) bool {
	return i > 0 && d.toks[i-1].Kind == token.Word && (d.is(i-1, cueRoleHead) || d.is(i-1, cueHonorific))
}

// roleBefore returns the role words right before token i, lower case or
// not ("spokesman Dmitry Peskov", "special envoy Steve Witkoff"), and the
// country of a name right before them ("Kremlin spokesman", "U.S.
// special envoy").
func (d *doc) roleBefore(i int) (role, country string) {
	k := i
	for k > 0 && k > i-4 && d.toks[k-1].Kind == token.Word && d.is(k-1, cueRole) {
		k--
	}
	role = d.roleText(k, i)
	if k > 0 {
		if c, ok := gazetteer.Demonym(d.word(k - 1)); ok {
			return role, c
		}
		return role, d.possessor(k)
	}
	return role, ""
}

// possessor returns the country of the name that ends right before token
// k, or before the possessive clitic there: what follows is theirs
// ("Kremlin spokesman", "Malaysia's Prime Minister").
func (d *doc) possessor(k int) string {
	if k > 0 && d.toks[k-1].Flags&token.Possessive != 0 {
		k--
	}
	for m := len(d.ms) - 1; m >= 0 && m >= len(d.ms)-3; m-- {
		if d.ms[m].tok1 == k {
			return d.ms[m].country
		}
	}
	return ""
}

// roleAfter returns a role given in apposition after the name ending at
// token j: "Steve Witkoff, the special envoy of …".
func (d *doc) roleAfter(j int) string {
	if j+2 >= len(d.toks) || d.word(j) != "," {
		return ""
	}
	k := j + 1
	if d.toks[k].Kind == token.Word && d.is(k, cueDeterminer) {
		k++
	}
	r := k
	for r < len(d.toks) && r < k+4 && d.toks[r].Kind == token.Word && d.is(r, cueRole) {
		r++
	}
	if r == k || !d.is(r-1, cueRoleHead) {
		return ""
	}
	return d.roleText(k, r)
}

// placeBefore reports whether a preposition of place precedes token i.
// firstNameIn reports whether a first name stands in [i, j).
func (d *doc) firstNameIn(i, j int) bool {
	for k := i; k < j; k++ {
		if d.firstName(k) {
			return true
		}
	}
	return false
}

// era reports whether token i is an era next to a number: "512 BC", "AD
// 79", "1000 BCE".
func (d *doc) era(i int) bool {
	switch d.word(i) {
	case "BC", "AD", "BCE", "CE", "B.C.", "A.D.":
	default:
		return false
	}
	return i > 0 && d.toks[i-1].Kind == token.Number || i+1 < len(d.toks) && d.toks[i+1].Kind == token.Number
}

// whoAfter reports whether the name ending at j is followed by "who" or
// "whose", which stand for people: "Seagal, whose grandmother".
func (d *doc) whoAfter(j int) bool {
	if j < len(d.toks) && d.word(j) == "," {
		j++
	}
	if j >= len(d.toks) {
		return false
	}
	w := d.word(j)
	return w == "who" || w == "whose"
}

// personVerb reports whether token j is a verb people are the subject of:
// "met", but not "met expectations".
func (d *doc) personVerb(j int) bool {
	if !d.is(j, cuePersonVerb) {
		return false
	}
	w := d.word(j)
	return w != "met" && w != "meets" || j+1 >= len(d.toks) || !d.is(j+1, cueMetObject)
}

func (d *doc) placeBefore(i int) bool {
	return i > 0 && d.toks[i-1].Kind == token.Word && d.is(i-1, cuePlacePrep)
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
