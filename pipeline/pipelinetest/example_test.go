package pipelinetest_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/pipelinetest"
)

// upperTitle breaks the stage contract: it changes an input field instead
// of only adding to the Doc.
type upperTitle struct{}

// Name implements pipeline.Stage.
func (upperTitle) Name() string { return "upper-title" }

// Process implements pipeline.Stage.
func (upperTitle) Process(_ context.Context, d *pipeline.Doc) error {
	d.Title = strings.ToUpper(d.Title)
	return nil
}

// CheckStage names each violation: the check, the Doc and what changed.
// In a test, TestStage runs the same checks as subtests.
func ExampleCheckStage() {
	err := pipelinetest.CheckStage(upperTitle{}, func() []*pipeline.Doc {
		return []*pipeline.Doc{
			{ID: "a1", Title: "Bridge closed", Body: "The council closed the old bridge."},
			{ID: "a2", Body: "A comet will pass close to the sun."},
		}
	})
	fmt.Println(err)
	// Output:
	// OnlyAdds: doc 0 ("a1"): Process replaced input fields:
	// 	Title = "BRIDGE CLOSED"; want "Bridge closed"
}
