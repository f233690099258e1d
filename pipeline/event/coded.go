package event

import (
	"time"

	"github.com/segmentio/encoding/json"
)

// CodedSchema names the version of CodedEvent.
const CodedSchema = "newsflow.event.v1"

// CodedEvent is one event an original article reports, who did what to
// whom, published on "events.coded.<event>.<actor-code>". PLOVER 2.0 is the
// ontology; the CAMEO code of the same match rides along. An article event
// carries its coded events too (Event without the fields the article
// already has: see ArticleEvent.Events, a list of Coding).
type CodedEvent struct {
	// Schema is CodedSchema.
	Schema string `json:"schema"`
	// ID is "<article-id>:event:<n>", n from 1 in the order of the
	// article's text; it is also the message's Nats-Msg-Id.
	ID string `json:"id"`
	// ArticleID and StoryID are the article and its dedup cluster.
	ArticleID   string    `json:"article_id"`
	StoryID     string    `json:"story_id,omitempty"`
	URL         string    `json:"url,omitempty"`
	Source      string    `json:"source,omitempty"`
	PublishedAt time.Time `json:"published_at"`
	Language    string    `json:"language"`
	Coding
}

// AppendJSON appends e as one line of JSON (without the newline) to b.
func (e *CodedEvent) AppendJSON(b []byte) ([]byte, error) {
	return json.Append(b, e, json.SortMapKeys)
}

// Coding is what an article says happened, coded: the part of a
// CodedEvent that an article event carries in its "events".
type Coding struct {
	// Key is the same for the same real event reported by many articles:
	// a hash of the actors' and recipients' entities or codes, the event
	// type and the date.
	Key string `json:"key"`
	// Type is the PLOVER type ("CONSULT"), or STATEMENT or APPEAL for the
	// CAMEO roots PLOVER leaves out (01, 02).
	Type     string   `json:"event"`
	Mode     string   `json:"mode,omitempty"`
	Contexts []string `json:"context,omitempty"`
	// QuadCode is 1 verbal cooperation, 2 material cooperation, 3 verbal
	// conflict, 4 material conflict; 0 for STATEMENT and APPEAL.
	QuadCode int   `json:"quad_code"`
	CAMEO    CAMEO `json:"cameo"`
	// Actors and Recipients are the parties: a compound actor is one event
	// with several actors, not one event per pair.
	Actors     []Party        `json:"actor"`
	Recipients []Party        `json:"recipient"`
	Location   *EventLocation `json:"location,omitempty"`
	// Date is ISO 8601 as precise as known (DatePrecision "day", "month"
	// or "year"); DateSource says whether a date of the text gave it
	// ("text") or, for want of one, the publication date ("published").
	Date          string   `json:"date"`
	DatePrecision string   `json:"date_precision"`
	DateSource    string   `json:"date_source"`
	Modality      Modality `json:"modality"`
	Evidence      Evidence `json:"evidence"`
	// Confidence in [0, 1] is how sure the coder is of the whole record.
	Confidence float64 `json:"confidence"`
}

// Values of Coding.DateSource.
const (
	DateFromText      = "text"
	DateFromPublished = "published"
)

// CodeFromContext is Party.CodeFrom for a country taken from the
// article, not from the party's words.
const CodeFromContext = "context"

// CAMEO is the CAMEO code an event was coded with.
type CAMEO struct {
	Code string `json:"code"` // "042"
	Root string `json:"root"` // "04"
	// Goldstein is the code's weight on the Goldstein conflict-cooperation
	// scale, from -10 to +10.
	Goldstein float64 `json:"goldstein"`
}

// Party is an actor or recipient of an event.
type Party struct {
	// Entity is the id of the party's entity in the article ("e2"), ""
	// when the party is no named entity ("protesters").
	Entity string `json:"entity,omitempty"`
	// Text is the party as the text writes it ("US special envoy Steve
	// Witkoff"); Start and End are its byte offsets in the article's text.
	Text string `json:"text"`
	// Name is the entity's canonical name, or the text's words for a
	// party that is no entity.
	Name string `json:"name"`
	// Code is the ISO 3166-1 alpha-3 code of the party's country ("USA"),
	// or CAMEO's code of a kind of party that is no country ("IGO" for an
	// intergovernmental organisation, then Sector "UNO"; "NGO", "MNC");
	// "" when unknown.
	Code string `json:"code,omitempty"`
	// CodeFrom is CodeFromContext when Code is not the party's own words'
	// but the country the article is about ("the President" in a story
	// from Washington); empty when the text names it with the party.
	CodeFrom string `json:"code_from,omitempty"`
	// Sector is the CAMEO sector ("GOV", "MIL", "COP", "REB", "CVL"…).
	Sector string `json:"sector,omitempty"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// EventLocation is where the text places an event.
type EventLocation struct {
	Entity     string  `json:"entity"`
	Text       string  `json:"text"`
	Name       string  `json:"name"`
	Country    string  `json:"country,omitempty"` // ISO 3166-1 alpha-3
	GeoNamesID int     `json:"geonames_id,omitempty"`
	Lat        float64 `json:"lat,omitempty"`
	Lon        float64 `json:"lon,omitempty"`
}

// Modality says how the text reports an event: "did not meet" is
// negated, "could strike" hypothetical, "will visit" future, "in 1994"
// historical.
type Modality struct {
	Negated      bool `json:"negated"`
	Hypothetical bool `json:"hypothetical"`
	Future       bool `json:"future"`
	Historical   bool `json:"historical"`
}

// Evidence locates an event in the article's text: the sentence it was
// coded from and the words that triggered it, as byte offsets. An event
// of the headline has Field FieldTitle, and its offsets, and those of its
// parties, are into the title.
type Evidence struct {
	Sentence int     `json:"sentence"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Trigger  Trigger `json:"trigger"`
	// Field is FieldTitle for an event of the headline; empty for the
	// text.
	Field string `json:"field,omitempty"`
}

// Trigger is the word or phrase that names an event ("met", "urged").
type Trigger struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}
