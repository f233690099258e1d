package ner

import (
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// The words around a name that tell what it names: what a person does or
// has done to them, their roles and whose they are, what an organisation's
// people do, and the prepositions of places.

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
// token j, and the country the apposition gives it before the role words:
// a nationality or a name, with its clitic or not ("Steve Witkoff, the
// special envoy of …"; "Maria Lopez, a Mexican official"; "Ahmed Salem,
// Egypt's foreign minister"; "Jeff Rathke, the State Department
// spokesperson"). later are the mentions after the name's, where the
// apposition's name is found.
func (d *doc) roleAfter(j int, later []mention) (role, country string) {
	if j+2 >= len(d.toks) || d.word(j) != "," {
		return "", ""
	}
	k := j + 1
	if d.toks[k].Kind == token.Word && d.is(k, cueDeterminer) {
		k++
	}
	if c, ok := gazetteer.Demonym(d.word(k)); ok && k < len(d.toks) && d.toks[k].Kind == token.Word {
		country = c
		k++
	} else if m := mentionStarting(later, k); m != nil && m.typ != event.TypePerson && m.country != "" {
		country, k = m.country, m.tok1
		if k < len(d.toks) && d.toks[k].Flags&token.Possessive != 0 {
			k++
		}
	}
	r := k
	for r < len(d.toks) && r < k+4 && d.toks[r].Kind == token.Word && d.is(r, cueRole) {
		r++
	}
	if r == k || !d.is(r-1, cueRoleHead) {
		return "", ""
	}
	return d.roleText(k, r), country
}

// mentionStarting returns the mention of ms that starts at token k, nil
// if none.
func mentionStarting(ms []mention, k int) *mention {
	for i := range ms {
		switch {
		case ms[i].tok0 == k:
			return &ms[i]
		case ms[i].tok0 > k:
			return nil
		}
	}
	return nil
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
// "met", but not "met expectations"; or such a verb after "to", as
// headlines write what is to come ("Trump to meet Xi").
func (d *doc) personVerb(j int) bool {
	if d.word(j) == "to" && j+1 < len(d.toks) && personInfinitives[d.word(j+1)] {
		return true
	}
	if !d.is(j, cuePersonVerb) {
		return false
	}
	w := d.word(j)
	return w != "met" && w != "meets" || j+1 >= len(d.toks) || !d.is(j+1, cueMetObject)
}

func (d *doc) placeBefore(i int) bool {
	return i > 0 && d.toks[i-1].Kind == token.Word && d.is(i-1, cuePlacePrep)
}
