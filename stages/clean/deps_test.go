package clean

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestNetHTMLVersion keeps golang.org/x/net, whose html tokenizer and
// parser read every page, at or above the release that fixed the last
// known tokenizer flaw (CVE-2025-22872, fixed in v0.38.0; CVE-2024-45338,
// the quadratic parse, in v0.33.0). It reads the module's go.mod, which
// decides the version built.
func TestNetHTMLVersion(t *testing.T) {
	f, err := os.Open("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 || fields[0] != "golang.org/x/net" {
			continue
		}
		var major, minor, patch int
		if _, err := fmt.Sscanf(fields[1], "v%d.%d.%d", &major, &minor, &patch); err != nil {
			t.Fatalf("golang.org/x/net version %q: %v", fields[1], err)
		}
		if major == 0 && minor < 38 {
			t.Errorf("golang.org/x/net %s; want v0.38.0 or later", fields[1])
		}
		return
	}
	t.Fatal("golang.org/x/net is not required by go.mod")
}
