package events

import (
	"strings"
	"unicode"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// Headlines: the article's title is coded as a sentence of its own, its
// events carrying evidence in the title (event.Evidence.Field). A
// headline states the story's main event ("Police Threaten Protesters
// with Arrest"), often in words the text does not repeat.

// headline returns the part of a title that is the story's: a title
// often ends with the publisher's section or name after a bar ("… |
// World News"). Only its end is cut, so that offsets into it are offsets
// into the title.
func headline(title string) string {
	if i := strings.Index(title, " | "); i >= 0 {
		title = title[:i]
	}
	if strings.TrimSpace(title) == "" {
		return ""
	}
	return strings.TrimRightFunc(title, unicode.IsSpace)
}

// headlineCase reads a headline written in title case ("Police Threaten
// Protesters with Arrest"), tokens [first, last), as if in sentence case:
// a capital inside a sentence marks a name, which a verb of the
// dictionaries never is (see triggers), and in title case every word has
// one. The words of the headline's names keep theirs, and so do acronyms
// ("UN", "NATO"). Besides the title, a text may hold headlines of its
// own: a story's first line, a news brief of one sentence.
//
// A title is read so when most of its longer words have a capital
// (token.TitleCase); a sentence of the text only when all of them do, at
// least two, for a text names what no dictionary knows, and its names
// have capitals ("Arnor and Gondor signed"), which no headline of a
// sentence's length lacks elsewhere.
func (c *coder) headlineCase(first, last int) {
	inName := func(i int) bool { return c.entityAt[first+i] >= 0 }
	if c.field == event.FieldTitle && !token.TitleCase(c.toks[first:last], inName) ||
		c.field != event.FieldTitle && !c.titleCased(first, last) {
		return
	}
	for i := first + 1; i < last; i++ {
		t := &c.toks[i]
		if t.Kind == token.Word && c.entityAt[i] < 0 && t.Flags&token.AllUpper == 0 {
			t.Flags &^= token.Upper
		}
	}
}

// titleCased reports whether tokens (first, last) are in title case:
// every word outside names begins with a capital but the short function
// words that title case leaves small (titleSmall), and at least two words
// of four letters or more do.
func (c *coder) titleCased(first, last int) bool {
	n := 0
	for i := first + 1; i < last; i++ {
		t := c.toks[i]
		if t.Kind != token.Word || c.entityAt[i] >= 0 {
			continue
		}
		if t.Flags&token.Upper == 0 {
			if !titleSmall[strings.ToLower(c.text[t.Start:t.End])] {
				return false
			}
			continue
		}
		if t.End-t.Start >= 4 {
			n++
		}
	}
	return n >= 2
}

// titleSmall are the words title case writes in lower case: articles,
// conjunctions and short prepositions.
var titleSmall = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "but": true, "or": true, "nor": true,
	"as": true, "at": true, "by": true, "for": true, "from": true, "in": true, "into": true,
	"of": true, "off": true, "on": true, "onto": true, "over": true, "per": true, "to": true,
	"up": true, "via": true, "vs": true, "with": true,
}

// sameEvent reports whether a, a headline's event, and b, the text's,
// are the same event of the same parties, whatever their dates: the
// headline's event dated by the publication, the text's by its clause. A
// headline that names no recipient says less of the same event ("Russia
// launches 120 drones overnight"; "Russia launched 120 drones at
// Ukraine").
func sameEvent(a, b *event.Coding) bool {
	if a.Type != b.Type || !sameParties(a.Actors, b.Actors) {
		return false
	}
	if len(a.Recipients) == 0 {
		return a.Mode == "" || a.Mode == b.Mode // what it says, the text says too
	}
	return sameParties(a.Recipients, b.Recipients)
}

// sameParties reports whether ps and qs name the same parties, in any
// order: entities by their id, others by their sector and, when both
// have one, their country, which a headline often leaves out ("Police
// Arrest Protesters"; "Kenyan police arrested protesters").
func sameParties(ps, qs []event.Party) bool {
	if len(ps) != len(qs) {
		return false
	}
	for _, p := range ps {
		found := false
		for _, q := range qs {
			if p.Entity == q.Entity && (p.Entity != "" || p.Sector == q.Sector && (p.Code == q.Code || p.Code == "" || q.Code == "")) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
