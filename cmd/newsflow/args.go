package main

import (
	"errors"
	"flag"
	"strings"
)

// errVersion says the command line asked for --version.
var errVersion = errors.New("version requested")

// parseFlags parses args as the nats CLI and kubectl do: flags may come
// before, between and after the arguments, and "--" ends the flags, so
// that `newsflow tail 'dlq.>' --count 1` and `newsflow publish -- -odd.json`
// both work. A parse error is errUsage (the FlagSet reports it), --help is
// flag.ErrHelp and --version, anywhere before "--", is errVersion.
// Afterwards fs.Args() are the arguments, in order.
func parseFlags(fs *flag.FlagSet, args []string) error {
	sp := splitArgs(fs, args)
	if sp.version {
		return errVersion
	}
	flags := sp.flags
	if !sp.missingValue {
		// The arguments go after a "--" of their own, so that one that
		// starts with "-" is not taken for a flag. A last flag without its
		// value is left last, for fs.Parse to report.
		flags = append(append(flags, "--"), sp.args...)
	}
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// split is a command line taken apart by splitArgs.
type split struct {
	flags []string // each flag, followed by its value when that is the next argument
	args  []string
	// missingValue says the last flag takes a value and none follows.
	missingValue bool
	version      bool
}

// splitArgs separates the flags of args from the arguments.
func splitArgs(fs *flag.FlagSet, args []string) split {
	var sp split
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			sp.args = append(sp.args, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			sp.args = append(sp.args, a) // "-" is an argument: stdin
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "version" && fs.Lookup(name) == nil {
			sp.version = true
			continue
		}
		sp.flags = append(sp.flags, a)
		f := fs.Lookup(name)
		if hasValue || f == nil || isBoolFlag(f) {
			continue // an unknown flag is reported by fs.Parse
		}
		if i+1 == len(args) {
			sp.missingValue = true
			break
		}
		i++
		sp.flags = append(sp.flags, args[i])
	}
	return sp
}

// isBoolFlag reports whether f takes no value, as package flag decides it.
func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
