package event

import "strings"

// Summary is one readable line of an event, what a person scanning a feed
// wants: type and mode, who did it to whom with their codes, where, when,
// and how the text reports it:
//
//	CONSULT/visit Steve Witkoff (USA GOV) → Vladimir Putin (RUS GOV) @ Saint Petersburg 2025-04-11
//
// A date the text did not give (DateSource "published") is marked "~"; a
// modality other than plain fact is appended in brackets.
func (c *Coding) Summary() string {
	var b strings.Builder
	b.WriteString(c.Type)
	if c.Mode != "" {
		b.WriteString("/" + c.Mode)
	}
	if len(c.Actors) > 0 {
		b.WriteByte(' ')
		writeParties(&b, c.Actors)
	}
	if len(c.Recipients) > 0 {
		b.WriteString(" → ")
		writeParties(&b, c.Recipients)
	}
	if c.Location != nil {
		b.WriteString(" @ " + c.Location.Name)
	}
	if c.Date != "" {
		b.WriteByte(' ')
		if c.DateSource == DateFromPublished {
			b.WriteByte('~')
		}
		b.WriteString(c.Date)
	}
	var mods []string
	for _, m := range []struct {
		on   bool
		name string
	}{
		{c.Modality.Negated, "negated"}, {c.Modality.Hypothetical, "hypothetical"},
		{c.Modality.Future, "future"}, {c.Modality.Historical, "historical"},
	} {
		if m.on {
			mods = append(mods, m.name)
		}
	}
	if len(mods) > 0 {
		b.WriteString(" [" + strings.Join(mods, " ") + "]")
	}
	return b.String()
}

// writeParties writes "Name (CODE SECTOR)" per party, joined by " and ".
func writeParties(b *strings.Builder, ps []Party) {
	for i, p := range ps {
		if i > 0 {
			b.WriteString(" and ")
		}
		b.WriteString(p.Name)
		if code := strings.TrimSpace(p.Code + " " + p.Sector); code != "" {
			b.WriteString(" (" + code + ")")
		}
	}
}
