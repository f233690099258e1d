package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestParseFlagsAnywhere(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string // count, json, source, then the arguments
		wantErr error
	}{
		{"flags first", []string{"--count", "1", "--json", "dlq.>"}, "1 true x [dlq.>]", nil},
		{"flags after", []string{"dlq.>", "--count", "1"}, "1 false x [dlq.>]", nil},
		{"flags between", []string{"a", "--count=2", "b", "-json", "c"}, "2 true x [a b c]", nil},
		{"dash is stdin", []string{"-", "--source", "wire"}, "0 false wire [-]", nil},
		{"value that looks like a flag", []string{"--source", "--json"}, "0 false --json []", nil},
		{"double dash ends flags", []string{"--json", "--", "--count", "-x"}, "0 true x [--count -x]", nil},
		{"bool with value", []string{"--json=false", "a"}, "0 false x [a]", nil},
		{"version", []string{"a", "--version"}, "", errVersion},
		{"version after double dash", []string{"--", "--version"}, "0 false x [--version]", nil},
		{"help", []string{"a", "-h"}, "", flag.ErrHelp},
		{"unknown flag", []string{"a", "--nope"}, "", errUsage},
		{"missing value", []string{"a", "--count"}, "", errUsage},
		{"bad value", []string{"--count", "many"}, "", errUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			count := fs.Int("count", 0, "")
			asJSON := fs.Bool("json", false, "")
			source := fs.String("source", "x", "")
			err := parseFlags(fs, tt.args)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("parseFlags(%q) = %v; want %v", tt.args, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			got := fmt.Sprintf("%d %t %s %v", *count, *asJSON, *source, fs.Args())
			if got != tt.want {
				t.Errorf("parseFlags(%q) = %s; want %s", tt.args, got, tt.want)
			}
		})
	}
}

func TestVersionFlag(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}, {"tail", "--version"}, {"run", "--workers", "2", "--version"}} {
		var stdout, stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
		if code := runMain(t.Context(), e, args); code != 0 || !strings.HasPrefix(stdout.String(), "newsflow ") || !strings.Contains(stdout.String(), "commit ") {
			t.Errorf("newsflow %q = exit %d, %q; want 0 and the version", args, code, stdout.String())
		}
	}
}
