package natsjs

import (
	"fmt"
	"testing"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pipeline"
)

// TestInfraReasonCodes covers the server's answers a single server cannot
// be made to give: those of a cluster in the middle of a change.
func TestInfraReasonCodes(t *testing.T) {
	for _, tc := range []struct {
		code jetstream.ErrorCode
		want string
	}{
		{errCodeClusterNotLeader, pipeline.BlockedNoLeader},
		{errCodeDuplicateInProcess, pipeline.BlockedNoLeader},
		{errCodeStreamOffline, pipeline.BlockedNoLeader},
		{10071, ""}, // wrong last sequence: the output's
	} {
		err := fmt.Errorf("publish x: %w", &jetstream.APIError{ErrorCode: tc.code, Description: "test"})
		if got := infraReason(err); got != tc.want {
			t.Errorf("infraReason(code %d) = %q; want %q", tc.code, got, tc.want)
		}
	}
}
