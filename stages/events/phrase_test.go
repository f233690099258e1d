package events

import (
	"strings"
	"testing"
)

// TestPhrase checks the text of an event's parties: the noun phrase each
// stands in, never over the trigger or into another party.
func TestPhrase(t *testing.T) {
	tests := []struct {
		text      string
		actors    string // the texts of the last event's actors, joined by " | "
		recipient string // and of its recipients
	}{
		{"Hamas rejected US President Donald Trump 's decision.", "Hamas", "US President Donald Trump 's decision"},
		{"Israeli troops attacked the Iraqi embassy in Kabul.", "Israeli troops", "the Iraqi embassy in Kabul"},
		{"The army killed dozens of Islamic State fighters.", "The army", "dozens of Islamic State fighters"},
		{"Police arrested protesters in southern Nepal on Monday.", "Police", "protesters in southern Nepal"},
		{"French President Emmanuel Macron met Olaf Scholz in Paris.", "French President Emmanuel Macron", "Olaf Scholz"},
		{"Russia vetoed a UN draft resolution.", "Russia", "a UN draft resolution"},
		{"Germany and France condemned Russia since Monday.", "Germany | France", "Russia"},
		{"Vladimir Putin, the Russian president, condemned Ukraine.", "Vladimir Putin, the Russian president", "Ukraine"},
		{"Police arrested about 300 Rohingya refugees.", "Police", "about 300 Rohingya refugees"},
		{"The army shelled India's northeastern state of Mizoram.", "The army", "India's northeastern state of Mizoram"},
		// An apposition after the object, of a person or an office, to
		// its closing comma; not an item of a list.
		{"Erdogan met John Smith, the Minister of Interior, in Ankara.", "Erdogan", "John Smith, the Minister of Interior"},
		{"Trump called Sudan's Foreign Minister, Ibrahim Ghandour, on Monday.", "Trump", "Sudan's Foreign Minister, Ibrahim Ghandour"},
		{"Trump met Putin, Xi, and Modi in Osaka.", "Trump", "Putin | Xi | Modi"},
		// An office a name is in apposition to, opening the clause.
		{"Bulgaria's Minister for Foreign Affairs, Ekaterina Zaharieva, condemned Russia.", "Bulgaria's Minister for Foreign Affairs, Ekaterina Zaharieva", "Russia"},
		{"On Monday, Vladimir Putin condemned Ukraine.", "Vladimir Putin", "Ukraine"},
		// An agent that qualifies what forces give is no party.
		{"The United States announced $500 million in military aid for Ukraine.", "The United States", "Ukraine"},
		// A title word that is the verb before is none of the phrase.
		{"Lebanon urged France to press Israel to stop its attacks.", "Israel", ""},
	}
	s := newStage(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := extracted(t, tt.text)
			if err := s.Process(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			if len(d.Events) == 0 {
				t.Fatalf("Process(%q) coded no event", tt.text)
			}
			e := d.Events[len(d.Events)-1]
			var actors, recipients []string
			for _, p := range e.Actors {
				actors = append(actors, p.Text)
			}
			for _, p := range e.Recipients {
				recipients = append(recipients, p.Text)
			}
			if got := strings.Join(actors, " | "); got != tt.actors {
				t.Errorf("actors of %q = %q; want %q", tt.text, got, tt.actors)
			}
			if got := strings.Join(recipients, " | "); got != tt.recipient {
				t.Errorf("recipients of %q = %q; want %q", tt.text, got, tt.recipient)
			}
		})
	}
}
