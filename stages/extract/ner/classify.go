package ner

import (
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
)

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
	case single && j < len(d.toks) && (d.is(j, cueSpeech) || d.personVerb(j) || d.whoAfter(j)) && !d.groupAtStart(i):
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

// groupAtStart reports whether token i starts a sentence and is a role or
// a group of people ("Students, who have led the protests", "Doctors
// said"), capitalised for the sentence rather than a name.
func (d *doc) groupAtStart(i int) bool {
	if !d.atSentenceStart(i) {
		return false
	}
	_, ok := gazetteer.Role(d.word(i))
	return ok
}
