package main

import "testing"

func TestWithoutTimeDiscards(t *testing.T) {
	in := "1914\n2013   # a year\nYEARS AGO\nFIFTY YEARS AGO   # sms\nWEEKS LATER\n+CHICAGO BEARS  # MleH\nBASEBALL\n2014 COMPETITION\nAGO\n"
	want := "+CHICAGO BEARS  # MleH\nBASEBALL\n2014 COMPETITION\nAGO\n"
	got, n := withoutTimeDiscards(in)
	if got != want || n != 5 {
		t.Errorf("withoutTimeDiscards(%q) = %q, %d; want %q, 5", in, got, n, want)
	}
}
