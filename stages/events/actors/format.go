package actors

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Write writes the actors, agents or discards of d to w in PETRARCH's
// format, normalised: a phrase is its tokens joined by "_"; an actor's
// default code is on its head line and its dated codes follow it, dates in
// YYYYMMDD; agents are expanded, one line per phrase with "{}" (no further
// plural). [Parse] reads it back into the same dictionary, so the
// generator embeds it.
func (d *Dictionary) Write(w io.Writer, kind Kind) error {
	bw := bufio.NewWriter(w)
	switch kind {
	case Actors:
		for _, e := range d.entries {
			for k, ph := range e.Phrases {
				if k > 0 {
					bw.WriteByte('+')
				}
				bw.WriteString(strings.ReplaceAll(ph, " ", "_"))
				if k == 0 && e.Default != "" {
					bw.WriteString(" [" + e.Default + "]")
				}
				bw.WriteByte('\n')
			}
			for _, r := range e.Roles {
				switch {
				case r.From == 0:
					fmt.Fprintf(bw, "\t[%s <%08d]\n", r.Code, r.To)
				case r.To == Forever:
					fmt.Fprintf(bw, "\t[%s >%08d]\n", r.Code, r.From)
				default:
					fmt.Fprintf(bw, "\t[%s %08d-%08d]\n", r.Code, r.From, r.To)
				}
			}
		}
	case Agents:
		for _, a := range d.agentList {
			fmt.Fprintf(bw, "%s {} [%s]\n", strings.ReplaceAll(a.phrase, " ", "_"), a.code)
		}
	case Discards:
		for _, x := range d.discardList {
			if x.story {
				bw.WriteByte('+')
			}
			bw.WriteString(x.phrase)
			bw.WriteByte('\n')
		}
	default:
		return fmt.Errorf("actors: write: unknown kind %v", kind)
	}
	return bw.Flush()
}
