package stages_test

import (
	"fmt"
	"log"

	"github.com/newsflow/newsflow/stages"
)

// With no dependencies given, the dedup stage keeps its state in memory,
// for one process; a deployment passes a shared store in Deps.
func ExampleNew() {
	ss, err := stages.New(stages.DefaultConfig(), stages.Deps{})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range ss {
		fmt.Println(s.Name())
	}
	// Output:
	// clean
	// extract
	// events
	// dedup
}
