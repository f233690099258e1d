package events

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestParties checks the chunks the coder reads as parties: a name with
// what qualifies it, agents, owners, coordination.
func TestParties(t *testing.T) {
	tests := []struct {
		text string
		want []string // each party's members as "text CODE SECTOR", joined by " + "
	}{
		{"U.S. special envoy Steve Witkoff met Putin.", []string{"U.S. special envoy Steve Witkoff USA GOV", "Putin RUS GOV"}},
		{"Three Kenyan police officers were hurt.", []string{"Three Kenyan police officers KEN COP"}},
		{"Syrian government forces shelled the town.", []string{"Syrian government forces SYR MIL"}},
		{"NATO Secretary General Jens Stoltenberg spoke.", []string{"NATO Secretary General Jens Stoltenberg IGO GOV"}},
		{"Putin and Trump spoke.", []string{"Putin RUS GOV + Trump USA GOV"}}, // on the test's date, 2025-04-12
		{"Moscow, Kiev and Washington agreed.", []string{"Moscow RUS  + Kiev UKR  + Washington USA "}},
		{"Hamas rejected US President Donald Trump's decision.", []string{"Hamas PSE REB", "US President Donald Trump's decision USA GOV"}},
		{"Soldiers from Sudan crossed the border.", []string{"Soldiers from Sudan SDN MIL"}},
		{"Chad withdrew its soldiers from Sudan.", []string{"Chad TCD ", "soldiers  MIL", "Sudan SDN "}}, // Chad's own soldiers
		{"Lawmakers in France and Germany met.", []string{"Lawmakers in France FRA LEG + Germany DEU LEG"}},
		{"Danish media and government warned Russia.", []string{"Danish media DNK MED + government DNK GOV", "Russia RUS "}},
		{"US Secretary of State Rex Tillerson called Lavrov.", []string{"US Secretary of State Rex Tillerson USA GOV", "Lavrov RUS GOV"}},
		{"Hungary's Prime Minister Viktor Orban met Putin.", []string{"Hungary's Prime Minister Viktor Orban HUN GOV", "Putin RUS GOV"}}, // the office the text names
		{"Rishi Sunak met Putin.", []string{"Rishi Sunak GBR ELI", "Putin RUS GOV"}},                                                     // out of it, the dictionary says
		{"Indian and Chinese troops clashed.", []string{"Indian IND MIL + Chinese troops CHN MIL"}},
		{"Lawmakers and officials in Kenya met.", []string{"Lawmakers KEN LEG + officials in Kenya KEN GOV"}},
		{"Russian positions were shelled.", []string{"Russian positions RUS "}}, // a nationality before what is no party: its country
		{"Ten thousand Russian rifles were sold.", nil},                         // not before what is counted
		{"Russia's powerful defence minister Sergei Shoigu met Xi Jinping.", []string{"Russia's powerful defence minister Sergei Shoigu RUS GOV", "Xi Jinping CHN GOV"}},
		{"The UN wants to renew Iran sanctions.", []string{"The UN IGO UNO", "Iran IRN "}}, // no adjective "renew"
		{"The EU met the Palestinian president, Mahmoud Abbas, in May.", []string{"The EU IGO EUR", "the Palestinian president, Mahmoud Abbas PSE GOV"}},
		{"North Korea fired two artillery shells.", []string{"North Korea PRK "}}, // an agent that modifies a noun is none
		{"Police fire tear gas.", []string{"Police  COP"}},
		{"Russia provided military aid.", []string{"Russia RUS "}}, // the object of a verb
		{"Ukraine, the embattled Moldova and neighbouring Georgia agreed.", []string{"Ukraine UKR  + the embattled Moldova MDA  + neighbouring Georgia GEO "}},
	}
	s := newStage(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := extracted(t, tt.text)
			c := s.pool.Get().(*coder)
			defer s.pool.Put(c)
			c.text, c.ents, c.dates, c.published = d.Text, d.Entities, d.Dates, d.PublishedAt
			c.toks, _ = c.tok.Tokenize(d.Text)
			c.markEntities()
			c.prepareWords()
			var got []string
			for _, p := range c.sentenceParties(0, len(c.toks)) {
				var ms []string
				for _, m := range p.members {
					text := d.Text[c.toks[m.start].Start:c.toks[m.end-1].End]
					ms = append(ms, fmt.Sprintf("%s %s %s", text, m.code, m.sector))
				}
				got = append(got, strings.Join(ms, " + "))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("parties(%q) = %q; want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestHeadSector(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Green Party", "PTY"},
		{"National Liberation Front", "REB"},
		{"Kosovo Liberation Army", "REB"},
		{"Party", ""}, // a word alone names no organisation
		{"Ministry of Health", ""},
		{"Microsoft", ""},
	}
	for _, tc := range tests {
		if got := headSector(tc.name); got != tc.want {
			t.Errorf("headSector(%q) = %q; want %q", tc.name, got, tc.want)
		}
	}
}
