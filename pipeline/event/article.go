package event

// Article is an article as publishers send it: the JSON message body on
// "articles.<source>". Only Body is required; the other fields are taken as
// given, and cleaning may fill those an HTML body declares.
type Article struct {
	// ID is a stable id. Absent, newsflow derives one from URL, else from
	// Body: the first 128 bits of their SHA-256, in hex.
	ID string `json:"id,omitempty"`
	// Body is the article: plain text or HTML.
	Body string `json:"body"`
	// ContentType says what Body is ("text/html", "text/plain"); absent,
	// it is sniffed.
	ContentType string   `json:"content_type,omitempty"`
	Title       string   `json:"title,omitempty"`
	URL         string   `json:"url,omitempty"`
	Source      string   `json:"source,omitempty"`
	Authors     []string `json:"authors,omitempty"`
	// Language is the language the publisher declares, as a BCP 47 tag.
	Language string `json:"language,omitempty"`
	// PublishedAt is an RFC 3339 time. Absent, the time the message was
	// stored is used. Relative dates in the text resolve against it.
	PublishedAt string `json:"published_at,omitempty"`
	// Metadata is passed through to the article event.
	Metadata map[string]string `json:"metadata,omitempty"`
}
