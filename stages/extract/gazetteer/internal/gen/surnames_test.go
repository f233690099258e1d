package main

import (
	"slices"
	"testing"
)

func TestAddSurnames(t *testing.T) {
	g := &gaz{
		common:     map[string]bool{"brown": true},
		first:      map[string]byte{"TAYLOR": 'U'},
		demonyms:   map[string]string{},
		ccKeys:     map[string]bool{},
		curated:    map[string]bool{},
		counts:     map[string]int{},
		shortNames: map[string]bool{},
	}
	person := func(name, cc string, recency int) *entry {
		e := &entry{kind: kindPerson, name: name, cc: cc, recency: recency, names: []string{name}}
		g.add(e)
		return e
	}
	scholz := person("Olaf Scholz", "DE", 20091031)
	xi := person("Xi Jinping", "CN", 20150101)
	assad := person("Bashar al-Assad", "SY", 20150101)
	old := person("Gerald R. Ford", "US", 19770120)
	kim1, kim2 := person("Ali Khan", "PK", 20120101), person("Imran Khan", "PK", 20150101)
	brown := person("Gordon Brown", "GB", 20100511)
	taylor := person("Charles Taylor", "LR", 20090101)
	city := &entry{kind: kindCity, name: "Paris", names: []string{"Paris", "Putin"}}
	g.add(city)
	putin := person("Vladimir Putin", "RU", 20150101)
	if err := g.addSurnames(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		e    *entry
		want []string
	}{
		{scholz, []string{"Olaf Scholz", "Scholz"}},
		{xi, []string{"Xi Jinping", "Xi"}},                           // family name first
		{assad, []string{"Bashar al-Assad", "Assad"}},                // without its particle
		{old, []string{"Gerald R. Ford"}},                            // out of office before 2008
		{kim1, []string{"Ali Khan"}}, {kim2, []string{"Imran Khan"}}, // shared
		{brown, []string{"Gordon Brown"}},    // a common word
		{taylor, []string{"Charles Taylor"}}, // a first name
		{putin, []string{"Vladimir Putin"}},  // another entry's name
	}
	for _, tt := range tests {
		got := slices.Clone(tt.e.names)
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("names of %s after addSurnames = %v; want %v", tt.e.name, got, want)
		}
	}
	if !g.shortNames["Xi"] {
		t.Error(`shortNames lacks "Xi": a two-letter family name must be allowed as a key`)
	}
}
