package events

import (
	"slices"
	"testing"
)

func TestHyphens(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{[]string{"CEASE-FIRE"}, []string{"CEASE", "-", "FIRE"}},
		{[]string{"PRO-", "GOVERNMENT"}, []string{"PRO", "-", "GOVERNMENT"}},
		{[]string{"ANTI-GOVERNMENT", "PROTEST"}, []string{"ANTI", "-", "GOVERNMENT", "PROTEST"}},
		{[]string{"-"}, []string{"-"}},
		{[]string{"TRUCE"}, []string{"TRUCE"}},
	}
	for _, tt := range tests {
		if got := hyphens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("hyphens(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestContractions(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{[]string{"DID", "N'T"}, []string{"DIDN'T"}},
		{[]string{"WO", "N'T", "EVER"}, []string{"WON'T", "EVER"}},
		{[]string{"REALLY", "DID", "NOT"}, []string{"REALLY", "DID", "NOT"}},
		{[]string{"N'T"}, []string{"N'T"}},
	}
	for _, tt := range tests {
		if got := contractions(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("contractions(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
