package natsjs

import "testing"

func TestSemver(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"v1.2.3", "1.2.3"},
		{"1.2.3-rc.1", "1.2.3-rc.1"},
		{"v0.0.0-20261207052306-76c074c35a4b+dirty", "0.0.0-20261207052306-76c074c35a4b+dirty"},
		{"devel", "0.0.0-devel"},
		{"405a4c0-dirty", "0.0.0-405a4c0-dirty"},
		{"", "0.0.0-unknown"},
		{"v1.2", "0.0.0-1-2"},
	} {
		if got := semver(tt.in); got != tt.want || !semverRE.MatchString(got) {
			t.Errorf("semver(%q) = %q; want %q, a semantic version", tt.in, got, tt.want)
		}
	}
}
