package eval

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// Print writes the report as text; with showErrors, every miss and false
// event too, one a line.
func (r EventsReport) Print(w io.Writer, showErrors bool) {
	fmt.Fprintf(w, "newsflow eval events %s: %s\n", r.Version, r.Corpus)
	if s := r.CAMEO; s != nil {
		fmt.Fprintf(w, "\nCAMEO-coded news sentences (%d; pentacode of the main event):\n", s.Sentences)
		fmt.Fprintf(w, "  accuracy %.3f   macro-F1 %.3f   (keyword baseline: accuracy %.3f, macro-F1 %.3f)   no event: %d\n",
			s.Accuracy, s.MacroF1, s.Baseline.Accuracy, s.Baseline.MacroF1, s.NoEvent)
		names := []string{"statement", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}
		for c := range 5 {
			p := s.PerClass[fmt.Sprint(c)]
			fmt.Fprintf(w, "    %d %-21s P %.3f  R %.3f  F1 %.3f  (gold %d)\n", c, names[c], p.Precision, p.Recall, p.F1, p.Gold)
		}
		fmt.Fprintf(w, "  spans (%d sentences): actor exact F1 %.3f (overlap %.3f), recipient exact F1 %.3f (overlap %.3f); macro-F1 %.3f\n",
			s.SpanSentences, s.Actor.Exact.F1, s.Actor.Overlap.F1, s.Recipient.Exact.F1, s.Recipient.Overlap.F1, s.SpanMacroF1)
	}
	if s := r.Stories; s != nil {
		fmt.Fprintf(w, "\nsynthetic PLOVER stories (%d): labelled type coded in %.3f (with its mode %.3f); %.2f events of other types per story\n",
			s.Stories, s.Found, s.WithMode, s.Others)
		for _, t := range slices.Sorted(maps.Keys(s.PerType)) {
			fmt.Fprintf(w, "    %-10s %.3f of %d\n", t, s.PerType[t].Found, s.PerType[t].Stories)
		}
	}
	if s := r.GUM; s != nil {
		fmt.Fprintf(w, "\nPLOVER gold on GUM news (%d articles): precision %.3f  recall %.3f  F1 %.3f  (%d coded, %d gold)\n",
			s.Articles, s.Events.Precision, s.Events.Recall, s.Events.F1, s.Events.Predicted, s.Events.Gold)
		fmt.Fprintf(w, "  codes agree on matches: actors %.3f, recipients %.3f; statements (scored neither way) %d\n", s.ActorCodes, s.RecipientCodes, s.Statements)
		for _, t := range slices.Sorted(maps.Keys(s.PerType)) {
			p := s.PerType[t]
			fmt.Fprintf(w, "    %-10s P %.3f  R %.3f  (%d coded, %d gold)\n", t, p.Precision, p.Recall, p.Predicted, p.Gold)
		}
	}
	if s := r.Petrarch; s != nil {
		fmt.Fprintf(w, "\nPETRARCH unit tests (%d records, their dictionaries): codings reproduced %.3f (%d of %d); noevents left empty %.3f (%d of %d); discards and datelines left empty %d of %d; %d other events; %d records of parse-tree errors not scored\n",
			s.Records, s.CodingShare, s.Coded, s.Codings, s.EmptyShare, s.Empty, s.NoEvents, s.RejectsEmpty, s.Rejects, s.Extra, s.Unscored)
		for _, c := range slices.Sorted(maps.Keys(s.PerCategory)) {
			p := s.PerCategory[c]
			fmt.Fprintf(w, "    %-9s codings %3d of %3d   noevents empty %d of %d\n", c, p.Coded, p.Codings, p.Empty, p.NoEvents)
		}
	}
	if s := r.Seed; s != nil {
		fmt.Fprintf(w, "\nseed article: %d of %d expected events coded\n", s.Found, s.Expected)
		for _, c := range s.Coded {
			fmt.Fprintf(w, "    %s\n", c)
		}
	}
	fmt.Fprintf(w, "\nerrors %d\n", r.Errors)
	if showErrors {
		fmt.Fprintln(w)
		fmt.Fprintln(w, strings.Join(r.errorLines, "\n"))
	}
}
