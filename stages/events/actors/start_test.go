package actors

import (
	"strings"
	"testing"
)

// TestStarts checks that the lookups from a Start find what those from
// the word do, at every word of sentences of the test dictionary's
// phrases, and that the words that start no phrase have none.
func TestStarts(t *testing.T) {
	d := testDict(t)
	starts := map[string]Start{}
	for w, s := range d.Starts() {
		if _, dup := starts[w]; dup {
			t.Errorf("Starts yields %q twice", w)
		}
		starts[w] = s
	}
	for _, k := range []Kind{Actors, Agents, Discards} {
		for w := range d.FirstWords(k) {
			if _, ok := starts[w]; !ok {
				t.Errorf("Starts leaves out %q, a first word of %v", w, k)
			}
		}
	}
	sentences := []string{
		"THE KING OF ARNOR SAID", "THE ARNOR GOVERNMENT SAID", "ARNORIAN TROOPS", "GOLLUM MET SAM GAMGEE",
		"U.S.S.R ARMY", "AL-QAEDA", "THE CONGRESSMEN AND THE POLICE", "ATTORNEYS GENERAL", "HUMAN RIGHTS BODY",
		"BASEBALL", "WORLD CUP FINAL", "WORLD CUP", "ARNOR", "THE",
	}
	for _, s := range sentences {
		words := strings.Fields(s)
		for i, w := range words {
			st := starts[w] // the zero Start for a word that starts no phrase
			for _, on := range []int{1990, 1996, 2000, 2010} {
				n1, c1, ok1 := d.Actor(words, i, day(on, 1, 1))
				n2, c2, ok2 := d.ActorFrom(st, words, i, day(on, 1, 1))
				if n1 != n2 || c1 != c2 || ok1 != ok2 {
					t.Errorf("%q at %d: ActorFrom = %d %q %v; Actor = %d %q %v", s, i, n2, c2, ok2, n1, c1, ok1)
				}
			}
			n1, c1, ok1 := d.Agent(words, i)
			n2, c2, ok2 := d.AgentFrom(st, words, i)
			if n1 != n2 || c1 != c2 || ok1 != ok2 {
				t.Errorf("%q at %d: AgentFrom = %d %q %v; Agent = %d %q %v", s, i, n2, c2, ok2, n1, c1, ok1)
			}
			m1, s1, ok1 := d.Discard(words, i)
			m2, s2, ok2 := d.DiscardFrom(st, words, i)
			if m1 != m2 || s1 != s2 || ok1 != ok2 {
				t.Errorf("%q at %d: DiscardFrom = %d %v %v; Discard = %d %v %v", s, i, m2, s2, ok2, m1, s1, ok1)
			}
		}
	}
}
