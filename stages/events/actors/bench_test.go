package actors

import (
	"strings"
	"testing"
)

// sentence is a news sentence as the coder gives it: capitals, the
// tokenizer's splits.
var sentence = strings.Fields(`RUSSIAN PRESIDENT VLADIMIR PUTIN MET THE U.S. SECRETARY OF STATE IN MOSCOW ON TUESDAY ,
	AND THE FOREIGN MINISTRY SAID THE TWO DISCUSSED THE WAR IN UKRAINE AND THE ATTACKS BY AL - QAEDA MILITANTS ON
	POLICEMEN IN THE NORTH OF THE COUNTRY , A SPOKESMAN FOR THE KREMLIN 'S PRESS OFFICE TOLD REPORTERS .`)

// BenchmarkLookup asks the embedded dictionary at every word of the
// sentence, as the coder asks at the words that may start a phrase.
func BenchmarkLookup(b *testing.B) {
	d, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	on := day(2015, 3, 1)
	for _, lk := range []struct {
		name string
		find func(i int)
	}{
		{"actor", func(i int) { d.Actor(sentence, i, on) }},
		{"agent", func(i int) { d.Agent(sentence, i) }},
		{"discard", func(i int) { d.Discard(sentence, i) }},
	} {
		b.Run(lk.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for i := range sentence {
					lk.find(i)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sentence)), "ns/word")
		})
	}
}

// BenchmarkLoad measures what Load costs on first use.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}
