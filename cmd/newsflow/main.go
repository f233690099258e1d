// Command newsflow turns news articles arriving on NATS subjects into
// structured events. Run "newsflow help" for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/segmentio/encoding/json"
)

// env is what a command may touch of the process, so that tests can run
// commands in process.
type env struct {
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	environ []string
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"run", "process articles from NATS and publish events", cmdRun},
		{"process", "process article files in process, without NATS; events out as JSON lines", cmdProcess},
		{"publish", "publish article files to NATS", cmdPublish},
		{"tail", "print events as they arrive", cmdTail},
		{"bench", "measure throughput and latency against a no-op relay", cmdBench},
		{"eval", "measure quality against gold data", cmdEval},
		{"validate", "check a configuration file", cmdValidate},
		{"version", "print version information", cmdVersion},
	}
}

// errUsage marks an error in the command line: exit status 2.
var errUsage = errors.New("usage")

// stopSignals end a command gracefully: newsflow run drains (finishes the
// articles it holds, within the shutdown timeout) on each of them. SIGHUP,
// sent when a terminal closes and by process supervisors to mean "reload",
// drains too: nothing of the configuration is reloaded in place, and a
// restart under the supervisor reads it again.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, environ: os.Environ()}
	os.Exit(runMain(ctx, e, os.Args[1:]))
}

// runMain runs the command named by args[0] and returns the exit status.
func runMain(ctx context.Context, e *env, args []string) int {
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		args = []string{"version"}
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			return runMain(ctx, e, []string{args[1], "--help"})
		}
		usage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errVersion):
			printVersion(e.stdout)
			return 0
		case errors.Is(err, errUsage):
			return 2
		default:
			fmt.Fprintf(e.stderr, "newsflow %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "newsflow: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "newsflow turns news articles on NATS subjects into structured events.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: newsflow <command> [flags] [args]    (flags before or after the args; -- ends them)")
	fmt.Fprintln(w, "       newsflow --version")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `Run "newsflow <command> --help" for a command's flags and examples.`)
}

// newFlagSet returns a FlagSet whose usage shows synopsis, examples and the
// flags. Parse errors are reported by the FlagSet itself.
func newFlagSet(e *env, name, synopsis, examples string) *flag.FlagSet {
	fs := flag.NewFlagSet("newsflow "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: newsflow %s %s\n\n", name, synopsis)
		if examples != "" {
			fmt.Fprintf(e.stderr, "Examples:\n%s\n", examples)
		}
		fmt.Fprintln(e.stderr, "Flags:")
		fs.PrintDefaults()
	}
	return fs
}

// writeReport writes the report of bench or eval to w as one line of JSON,
// the form "--json" promises.
func writeReport(w io.Writer, report any) error {
	out, err := json.Marshal(report)
	if err != nil {
		return fmt.Errorf("encode report: %w", err)
	}
	_, err = fmt.Fprintf(w, "%s\n", out)
	return err
}
