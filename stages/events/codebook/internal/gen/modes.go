package main

import (
	"bufio"
	"fmt"
	"slices"
	"strings"

	"github.com/newsflow/newsflow/stages/events/codebook/internal/verbdict"
)

// modeRule gives the verb of lemma a PLOVER type and mode that no CAMEO
// code carries (modes.txt), and the CAMEO code of its events when the
// verb has none of its own ("" to keep the verb's).
type modeRule struct {
	lemma, cameo, event, mode string
}

// readModes parses modes.txt and checks each rule: the lemma a verb of d,
// the code one the table maps, the type and mode PLOVER 2.0's.
func readModes(text string, d *verbdict.Dict, known func(string) bool, types *ploverTypes) ([]modeRule, error) {
	lemmas := make(map[string]bool)
	for _, b := range d.Blocks {
		for _, v := range b.Verbs {
			lemmas[v.Forms[0]] = true
		}
	}
	modes := make(map[string][]string)
	for _, e := range types.Events {
		modes[e.Event] = e.Modes
	}
	var out []modeRule
	var errs []string
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Sprintf("modes.txt:%d: "+format, append([]any{n}, args...)...))
		}
		if len(f) != 3 {
			bad("want LEMMA CAMEO EVENT/mode, got %q", line)
			continue
		}
		r := modeRule{lemma: strings.ReplaceAll(f[0], "_", " "), cameo: f[1]}
		r.event, r.mode, _ = strings.Cut(f[2], "/")
		if r.cameo == "-" {
			r.cameo = ""
		}
		switch {
		case !lemmas[r.lemma]:
			bad("%s is no verb of the dictionary", r.lemma)
		case r.cameo != "" && !known(r.cameo):
			bad("code %s is not in the PLOVER table", r.cameo)
		case modes[r.event] == nil:
			bad("%s is no PLOVER type with modes", r.event)
		case !slices.Contains(modes[r.event], r.mode):
			bad("%s is no mode of %s", r.mode, r.event)
		default:
			out = append(out, r)
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return out, sc.Err()
}
