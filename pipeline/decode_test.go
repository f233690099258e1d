package pipeline

import (
	"strings"
	"testing"
	"time"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline/event"
)

func TestDecodeArticle(t *testing.T) {
	lim := Limits{MaxBytes: 1 << 16, MaxDepth: 8}
	tests := []struct {
		name   string
		in     string
		reason string // "" for success
	}{
		{"minimal", `{"body":"Hello."}`, ""},
		{"full", `{"id":"a1","body":"Hi.","title":"T","url":"https://x.test/a","source":"wire","authors":["A","B"],"language":"en","published_at":"2025-04-12T09:00:00Z","metadata":{"k":"v"}}`, ""},
		{"unknown field ignored", `{"body":"Hi.","extra":{"a":[1,2]}}`, ""},
		{"brackets inside a string", `{"body":"` + strings.Repeat("[{", 100) + `"}`, ""},
		{"escaped quote in string", `{"body":"say \"[[[[[[[[[[\""}`, ""},
		{"malformed", `{"body":"Hi."`, ReasonMalformedJSON},
		{"not an object", `"body"`, ReasonInvalidArticle},
		{"trailing data", `{"body":"Hi."} {}`, ReasonMalformedJSON},
		{"raw NUL byte", "{\"body\":\"a\x00b\"}", ReasonMalformedJSON},
		{"raw control byte", "{\"body\":\"a\x01b\"}", ReasonMalformedJSON},
		{"invalid UTF-8", "{\"body\":\"caf\xe9\"}", ReasonInvalidUTF8},
		{"too deep", `{"body":"x","m":` + strings.Repeat("[", 9) + strings.Repeat("]", 9) + `}`, ReasonTooDeep},
		{"too large", `{"body":"` + strings.Repeat("a", 1<<16) + `"}`, ReasonTooLarge},
		{"id is a number", `{"id":5,"body":"Hi."}`, ReasonInvalidArticle},
		{"authors is a string", `{"body":"Hi.","authors":"A"}`, ReasonInvalidArticle},
		{"metadata values not strings", `{"body":"Hi.","metadata":{"k":1}}`, ReasonInvalidArticle},
		{"no body", `{"title":"T"}`, ReasonMissingBody},
		{"empty body", `{"body":""}`, ReasonMissingBody},
		{"body is null", `{"body":null}`, ReasonMissingBody},
		{"case-variant key", `{"Body":"Hi."}`, ReasonMissingBody},
		{"duplicate key", `{"body":"Hi.","title":"T","body":"Other."}`, ReasonInvalidArticle},
		{"duplicate key after spaces", `{"body" : "Hi.", "body"` + "\n" + `: "Other."}`, ReasonInvalidArticle},
		{"same name in a nested object", `{"body":"Hi.","metadata":{"body":"x"}}`, ""},
		{"same name as a value", `{"body":"title","title":"body"}`, ""},
		{"NUL in id", `{"id":"a\u0000","body":"Hi."}`, ReasonInvalidArticle},
		{"overlong id", `{"id":"` + strings.Repeat("i", maxIDBytes+1) + `","body":"Hi."}`, ReasonInvalidArticle},
		{"empty input", ``, ReasonMalformedJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeArticle([]byte(tt.in), lim)
			if got := ReasonOf(err); got != tt.reason {
				t.Errorf("DecodeArticle(%.60q) reason = %q (err %v); want %q", tt.in, got, err, tt.reason)
			}
			if err != nil && !IsPermanent(err) {
				t.Errorf("DecodeArticle(%.60q) error %v is not permanent", tt.in, err)
			}
		})
	}
}

func TestDecodeArticleNestingBombIsFast(t *testing.T) {
	// 200 KB of '[' would take the decoder minutes; the pre-check rejects
	// it at the first byte past the limit.
	bomb := []byte(`{"body":"x","a":` + strings.Repeat("[", 200_000))
	start := time.Now()
	_, err := DecodeArticle(bomb, Limits{MaxBytes: 1 << 20, MaxDepth: 16})
	if ReasonOf(err) != ReasonTooDeep {
		t.Fatalf("DecodeArticle(bomb) = %v; want reason %s", err, ReasonTooDeep)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("DecodeArticle(bomb) took %v; want well under a second", elapsed)
	}
}

func TestNewDoc(t *testing.T) {
	msgTime := time.Date(2025, 4, 12, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		in        event.Article
		wantID    string
		wantTime  time.Time
		wantError bool
	}{
		{"id given", event.Article{ID: "x", Body: "b"}, "x", msgTime, false},
		{"id from url", event.Article{URL: "https://a.test/1", Body: "b"}, DefaultID("https://a.test/1", ""), msgTime, false},
		{"id from body", event.Article{Body: "b"}, DefaultID("", "b"), msgTime, false},
		{"rfc3339", event.Article{Body: "b", PublishedAt: "2025-04-12T09:00:00+02:00"}, DefaultID("", "b"), time.Date(2025, 4, 12, 7, 0, 0, 0, time.UTC), false},
		{"rfc1123z", event.Article{Body: "b", PublishedAt: "Sat, 12 Apr 2025 09:00:00 +0000"}, DefaultID("", "b"), time.Date(2025, 4, 12, 9, 0, 0, 0, time.UTC), false},
		{"date only", event.Article{Body: "b", PublishedAt: "2025-04-12"}, DefaultID("", "b"), time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC), false},
		{"no zone is UTC", event.Article{Body: "b", PublishedAt: "2025-04-12T09:00:00"}, DefaultID("", "b"), time.Date(2025, 4, 12, 9, 0, 0, 0, time.UTC), false},
		{"unparseable", event.Article{Body: "b", PublishedAt: "last Friday"}, "", time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := NewDoc(&tt.in, msgTime)
			if tt.wantError {
				if ReasonOf(err) != ReasonInvalidArticle {
					t.Errorf("NewDoc(%+v) error = %v; want reason %s", tt.in, err, ReasonInvalidArticle)
				}
				return
			}
			if err != nil {
				t.Fatalf("NewDoc(%+v) error = %v", tt.in, err)
			}
			if d.ID != tt.wantID {
				t.Errorf("NewDoc(%+v).ID = %q; want %q", tt.in, d.ID, tt.wantID)
			}
			if !d.PublishedAt.Equal(tt.wantTime) {
				t.Errorf("NewDoc(%+v).PublishedAt = %v; want %v", tt.in, d.PublishedAt, tt.wantTime)
			}
		})
	}
}

func TestDefaultIDIsStable(t *testing.T) {
	// The id is part of every output's message id: changing how it is made
	// would make a redelivery after an upgrade publish twice. The want is
	// from: printf %s https://example.org/a | sha256sum | cut -c1-32
	if got, want := DefaultID("https://example.org/a", "ignored"), "b5b10dd0429e69ac7cfaf0a20b6901c1"; got != want {
		t.Errorf("DefaultID(url) = %q; want %q", got, want)
	}
}

func FuzzDecodeArticle(f *testing.F) {
	for _, s := range []string{
		`{"body":"Hello."}`,
		`{"id":"a","body":"b","authors":["x"],"metadata":{"k":"v"},"published_at":"2025-04-12T09:00:00Z"}`,
		`{"body":"` + strings.Repeat("[", 40) + `"}`,
		`[[[[[[[[[[[[[[[[[[[[[[[[[[[[`,
		"{\"body\":\"\xff\"}",
		`{"body":"a\u0000b","id":"\u0000"}`,
		`{"body":1}`,
		`{"Body":"x","BODY":"y","body":"z"}`,
	} {
		f.Add([]byte(s))
	}
	lim := Limits{MaxBytes: 1 << 16, MaxDepth: 16}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := DecodeArticle(data, lim)
		if err != nil {
			if !IsPermanent(err) || ReasonOf(err) == "" {
				t.Fatalf("DecodeArticle(%q) error %v is not permanent with a reason", data, err)
			}
			return
		}
		if a.Body == "" {
			t.Fatalf("DecodeArticle(%q) accepted an empty body", data)
		}
		// What was accepted survives a round trip unchanged.
		enc, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("Marshal(%+v): %v", a, err)
		}
		b, err := DecodeArticle(enc, Limits{MaxBytes: 1 << 20, MaxDepth: 16})
		if err != nil {
			t.Fatalf("DecodeArticle(Marshal(%+v)) = %v", a, err)
		}
		if a.ID != b.ID || a.Body != b.Body || a.Title != b.Title || len(a.Authors) != len(b.Authors) {
			t.Fatalf("round trip changed the article:\n%+v\n%+v", a, b)
		}
		if _, err := NewDoc(&a, time.Now()); err != nil && ReasonOf(err) != ReasonInvalidArticle {
			t.Fatalf("NewDoc(%+v) = %v; want nil or reason %s", a, err, ReasonInvalidArticle)
		}
	})
}

func BenchmarkDecodeArticle(b *testing.B) {
	// A 3 KB article of wire copy: ASCII, one escaped newline per line.
	body := strings.Repeat("The central bank said on Friday that rates would stay\nunchanged for the rest of the quarter, officials said.\n", 27)
	data, err := json.Marshal(event.Article{ID: "bench-1", Title: "Rates unchanged", Source: "wire", Body: body, PublishedAt: "2025-04-12T09:00:00Z"})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := DecodeArticle(data, DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := NewDoc(&a, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
}
