package events

import "testing"

func TestObligationOf(t *testing.T) {
	tests := []struct {
		modal, code, want string
	}{
		{"MUST", "084", "1053"},   // release: demand release of persons or property
		{"SHOULD", "084", "0253"}, // appeal for it
		{"MUST", "073", "1033"},   // humanitarian aid
		{"MUST", "083", "104"},    // political reform
		{"SHOULD", "045", "028"},  // mediate
		{"MUST", "040", "106"},    // meet
		{"MUST", "0332", "100"},   // an intent: a demand of no kind
		{"MUST", "190", ""},       // no demand to attack
	}
	for _, tt := range tests {
		if got := obligationOf(tt.modal, tt.code); got != tt.want {
			t.Errorf("obligationOf(%q, %q) = %q; want %q", tt.modal, tt.code, got, tt.want)
		}
	}
}
