package extract

import (
	"strconv"
	"strings"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/ner"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// titleSalience is the salience of an entity that only the headline names:
// the headline is what the article is about, but one mention is all there
// is to go on.
const titleSalience = 0.5

// addTitleMentions finds the entities of d.Title and adds their mentions,
// with Field event.FieldTitle and offsets into the title, to the entities
// of the text they name. A headline in title case is capitalised
// throughout, so there a name only the headline has becomes an entity
// only when the gazetteer knows it (it has a country or a place): "US" in
// "US Envoy Meets Putin" is the United States, "World News" is nothing. In
// sentence case its names read as the text's do ("Trump to meet Xi").
func addTitleMentions(d *pipeline.Doc, sc *scratch) {
	title := d.Title
	if strings.TrimSpace(title) == "" {
		return
	}
	toks, sents := sc.tok.Tokenize(title)
	// Names are not left out of the count: in title case the finder
	// takes capitalised words for names, and a headline misread as in
	// title case keeps only the names the gazetteer knows.
	titleCase := token.TitleCase(toks, nil)
	for _, te := range ner.Find(title, toks, sents) {
		mentions := make([]event.Mention, len(te.Mentions))
		for i, m := range te.Mentions {
			m.Field = event.FieldTitle
			mentions[i] = m
		}
		if e := sameEntity(d.Entities, &te); e != nil {
			e.Mentions = append(mentions, e.Mentions...)
			continue
		}
		if titleCase && te.Country == "" && te.Geo == nil {
			continue
		}
		te.Mentions, te.Salience = mentions, titleSalience
		te.ID = "e" + strconv.Itoa(len(d.Entities)+1)
		d.Entities = append(d.Entities, te)
	}
}

// sameEntity returns the entity of ents that te, found in the headline,
// names: one of the same type with the same canonical name, or a mention
// written the same way, or, for a person, whose surname te is.
func sameEntity(ents []event.Entity, te *event.Entity) *event.Entity {
	for i := range ents {
		e := &ents[i]
		if e.Type != te.Type {
			continue
		}
		if e.Name == te.Name || te.Geo != nil && e.Geo != nil && e.Geo.GeoNamesID == te.Geo.GeoNamesID {
			return e
		}
		for _, tm := range te.Mentions {
			for _, m := range e.Mentions {
				if m.Text == tm.Text {
					return e
				}
			}
			if e.Type == event.TypePerson && !strings.Contains(tm.Text, " ") && lastWord(e.Name) == tm.Text {
				return e
			}
		}
	}
	return nil
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}
