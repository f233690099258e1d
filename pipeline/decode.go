package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"time"
	"unicode/utf8"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline/event"
)

// Limits bound what DecodeArticle accepts, so that hostile input costs time
// linear in its size and memory bounded by MaxBytes.
type Limits struct {
	// MaxBytes is the largest message accepted.
	MaxBytes int `json:"max_bytes"`
	// MaxDepth is the deepest nesting of JSON arrays and objects accepted.
	// An article needs 2 (metadata, authors).
	MaxDepth int `json:"max_depth"`
}

// DefaultLimits returns the limits used when none are configured.
func DefaultLimits() Limits { return Limits{MaxBytes: 4 << 20, MaxDepth: 16} }

// Validate reports every invalid field.
func (l Limits) Validate() error {
	var errs FieldErrors
	if l.MaxBytes < 64 || l.MaxBytes > 64<<20 {
		errs.Add("max_bytes", l.MaxBytes, "must be between 64 and 67108864 (64 MiB, the server's hard limit)")
	}
	if l.MaxDepth < 2 || l.MaxDepth > 1000 {
		errs.Add("max_depth", l.MaxDepth, "must be between 2 (what an article needs) and 1000")
	}
	return errs.Err()
}

// maxIDBytes bounds a publisher-given id: it is copied into every output's
// message id header.
const maxIDBytes = 256

// decodeFlags make decoding strict (field names match exactly) and
// zero-copy: strings in the Article share memory with the message data.
const decodeFlags = json.DontMatchCaseInsensitiveStructFields | json.DontCopyString | json.DontCopyRawMessage

// wireArticle is an Article as decoded: the body, the one large field, is
// taken raw and unquoted by unquote.
type wireArticle struct {
	event.Article
	Body json.RawMessage `json:"body"`
}

var nullJSON = []byte("null")

// DecodeArticle decodes a message into an Article. It first checks size,
// UTF-8 and nesting depth in one linear scan, because the JSON decoder has no
// depth limit of its own. Every error it returns is permanent, with a reason.
// Strings in the result share memory with data, which must not be modified
// afterwards.
func DecodeArticle(data []byte, lim Limits) (event.Article, error) {
	var w wireArticle
	if err := precheck(data, lim); err != nil {
		return event.Article{}, err
	}
	rest, err := json.Parse(data, &w, decodeFlags)
	a := w.Article
	if err == nil && len(w.Body) > 0 && !bytes.Equal(w.Body, nullJSON) {
		if a.Body, err = unquote(w.Body); err != nil {
			err = &json.UnmarshalTypeError{Value: "non-string", Type: reflect.TypeFor[string](), Field: "body"}
		}
	}
	if err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return a, Reject(ReasonInvalidArticle, fmt.Errorf("field %q: want %s, got JSON %s", typeErr.Field, typeErr.Type, typeErr.Value))
		}
		return a, Reject(ReasonMalformedJSON, err)
	}
	if len(rest) != 0 {
		return a, Reject(ReasonMalformedJSON, errors.New("data after the JSON object"))
	}
	if a.Body == "" {
		return a, Reject(ReasonMissingBody, errors.New("body is missing or empty"))
	}
	if err := checkID(a.ID); err != nil {
		return a, Reject(ReasonInvalidArticle, err)
	}
	return a, nil
}

// precheck rejects what the decoder would handle badly: oversize input,
// invalid UTF-8 (JSON text must be UTF-8; the decoder would silently replace
// it) and nesting deeper than lim.MaxDepth, tracked outside strings.
func precheck(data []byte, lim Limits) error {
	if lim.MaxBytes > 0 && len(data) > lim.MaxBytes {
		return Reject(ReasonTooLarge, fmt.Errorf("%d bytes exceeds the limit of %d", len(data), lim.MaxBytes))
	}
	if !utf8.Valid(data) {
		return Reject(ReasonInvalidUTF8, errors.New("message is not valid UTF-8"))
	}
	depth := 0
	// The article's own fields, to refuse one given twice: decoders
	// disagree on which copy counts, so a message could read one way to a
	// filter and another to newsflow. Articles have a dozen fields; past
	// maxKeys the rest are not compared, which keeps this linear.
	const maxKeys = 32
	var keys [maxKeys][]byte
	nKeys := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			// Strings hold nearly all the bytes: jump from quote to quote.
			// A quote preceded by an odd run of backslashes is escaped;
			// each backslash is counted at most once, so this stays linear.
			j := i + 1
			for {
				k := bytes.IndexByte(data[j:], '"')
				if k < 0 {
					return nil // unterminated: the decoder reports it
				}
				j += k
				n := 0
				for p := j - 1; p > i && data[p] == '\\'; p-- {
					n++
				}
				if n%2 == 0 {
					break
				}
				j++
			}
			if depth == 1 && isKey(data, j+1) {
				key := data[i+1 : j]
				for _, k := range keys[:nKeys] {
					if bytes.Equal(k, key) {
						return Reject(ReasonInvalidArticle, fmt.Errorf("field %q appears twice", key))
					}
				}
				if nKeys < maxKeys {
					keys[nKeys] = key
					nKeys++
				}
			}
			i = j
		case '{', '[':
			depth++
			if lim.MaxDepth > 0 && depth > lim.MaxDepth {
				return Reject(ReasonTooDeep, fmt.Errorf("nesting deeper than %d at byte %d", lim.MaxDepth, i))
			}
		case '}', ']':
			depth--
		}
	}
	return nil
}

// isKey reports whether the string that ended before i is an object key:
// the next byte past white space is a colon.
func isKey(data []byte, i int) bool {
	for ; i < len(data); i++ {
		switch data[i] {
		case ' ', '\t', '\r', '\n':
		case ':':
			return true
		default:
			return false
		}
	}
	return false
}

func checkID(id string) error {
	if len(id) > maxIDBytes {
		return fmt.Errorf("id is %d bytes, longer than %d", len(id), maxIDBytes)
	}
	for _, r := range id {
		if r < 0x20 || r == 0x7f {
			return fmt.Errorf("id contains control character %U", r)
		}
	}
	return nil
}

// publishedLayouts are the timestamp forms accepted for published_at:
// RFC 3339 first, then the forms feeds commonly carry. A time without a
// zone is taken as UTC.
var publishedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	time.RFC1123Z,
	time.RFC1123,
	"2006-01-02",
}

// Where Doc.PublishedAt came from, when not from the page itself.
const (
	PublishedFromInput   = "input"
	PublishedFromMessage = "message"
)

// NewDoc makes the Doc for a, applying the defaults: an id derived from the
// URL (else the body) and, when published_at is absent, the message time.
// A published_at it cannot parse is a permanent error.
func NewDoc(a *event.Article, msgTime time.Time) (*Doc, error) {
	d := &Doc{
		ID:              a.ID,
		Body:            a.Body,
		ContentType:     a.ContentType,
		Title:           a.Title,
		URL:             a.URL,
		Source:          a.Source,
		Authors:         a.Authors,
		InputLanguage:   a.Language,
		Metadata:        a.Metadata,
		PublishedAt:     msgTime.UTC(),
		PublishedSource: PublishedFromMessage,
	}
	if d.ID == "" {
		d.ID = DefaultID(a.URL, a.Body)
	}
	if a.PublishedAt != "" {
		t, err := parsePublished(a.PublishedAt)
		if err != nil {
			return nil, Reject(ReasonInvalidArticle, err)
		}
		d.PublishedAt, d.PublishedSource = t, PublishedFromInput
	}
	return d, nil
}

func parsePublished(s string) (time.Time, error) {
	for _, layout := range publishedLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("published_at %q is not an RFC 3339 time", s)
}

// DefaultID is the id of an article that has none: the first 128 bits of
// the SHA-256 of its URL or, without one, of its body, in hex.
func DefaultID(url, body string) string {
	key := url
	if key == "" {
		key = body
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}
