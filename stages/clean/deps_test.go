package clean

import (
	"fmt"
	"runtime/debug"
	"testing"
)

// TestNetHTMLVersion keeps golang.org/x/net, whose html tokenizer and
// parser read every page, at or above the release that fixed the last
// known tokenizer flaw (CVE-2025-22872, fixed in v0.38.0; CVE-2024-45338,
// the quadratic parse, in v0.33.0).
func TestNetHTMLVersion(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Fatal("no build information in the test binary")
	}
	for _, m := range info.Deps {
		if m.Path != "golang.org/x/net" {
			continue
		}
		if m.Replace != nil {
			m = m.Replace
		}
		var major, minor, patch int
		if _, err := fmt.Sscanf(m.Version, "v%d.%d.%d", &major, &minor, &patch); err != nil {
			t.Fatalf("golang.org/x/net version %q: %v", m.Version, err)
		}
		if major == 0 && minor < 38 {
			t.Errorf("golang.org/x/net %s; want v0.38.0 or later", m.Version)
		}
		return
	}
	t.Fatal("golang.org/x/net is not a dependency of the test binary")
}
