package main

import (
	"fmt"
	"io"
	"sync"
	"text/tabwriter"
	"time"
)

// faultRow is one fault scenario's result, a row of the table the fault
// tests print at the end of the run.
type faultRow struct {
	Scenario string
	In, Out  int
	// Coded counts the coded events among Out.
	Coded      int
	Lost       int
	Duplicated int
	Unexpected int
	Pass       bool
	Took       time.Duration
	// Detected is how long newsflow took to report the fault (/readyz
	// 503), where the scenario measures it.
	Detected time.Duration
}

var faultTable struct {
	mu   sync.Mutex
	rows []faultRow
}

func recordFault(r faultRow) {
	faultTable.mu.Lock()
	defer faultTable.mu.Unlock()
	faultTable.rows = append(faultTable.rows, r)
}

// printFaultTable writes the rows recorded in this run, if any.
func printFaultTable(w io.Writer) {
	faultTable.mu.Lock()
	defer faultTable.mu.Unlock()
	if len(faultTable.rows) == 0 {
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "scenario\tin\tout\tcoded events\tlost\tduplicated\tunexpected\tresult\tdetected\ttook")
	for _, r := range faultTable.rows {
		result := "ok"
		if !r.Pass {
			result = "FAIL"
		}
		detected := "-"
		if r.Detected > 0 {
			detected = fmt.Sprintf("%.1fs", r.Detected.Seconds())
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%.1fs\n", r.Scenario, r.In, r.Out, r.Coded, r.Lost, r.Duplicated, r.Unexpected, result, detected, r.Took.Seconds())
	}
	tw.Flush()
}
