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

func BenchmarkActor(b *testing.B) {
	d, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	on := day(2015, 3, 1)
	b.ReportAllocs()
	for b.Loop() {
		for i := range sentence {
			d.Actor(sentence, i, on)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sentence)), "ns/word")
}

func BenchmarkAgent(b *testing.B) {
	d, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range sentence {
			d.Agent(sentence, i)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sentence)), "ns/word")
}

func BenchmarkDiscard(b *testing.B) {
	d, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range sentence {
			d.Discard(sentence, i)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sentence)), "ns/word")
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
