package event

// Entity is one real thing an article names: a person, an organisation or
// a place, however many ways the text spells it.
type Entity struct {
	// ID is "e1", "e2"… in order of first mention; quotes refer to it.
	ID string `json:"id"`
	// Name is the canonical name: the fullest form in the text, or the
	// gazetteer's name of a place.
	Name string `json:"name"`
	// Type is TypePerson, TypeOrganization or TypeLocation.
	Type string `json:"type"`
	// Country is the ISO 3166-1 alpha-2 code, where known.
	Country string `json:"country,omitempty"`
	// Geo locates a place.
	Geo *Geo `json:"geo,omitempty"`
	// Role is what the text says the entity is ("President", "spokesman").
	Role     string    `json:"role,omitempty"`
	Mentions []Mention `json:"mentions"`
	// Salience in (0, 1] says how central the entity is to the article.
	Salience float64 `json:"salience"`
}

// Entity types.
const (
	TypePerson       = "PER"
	TypeOrganization = "ORG"
	TypeLocation     = "LOC"
)

// Geo is a place's position and GeoNames id.
type Geo struct {
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	GeoNamesID int     `json:"geonames_id"`
}

// Mention is one place that names an entity: in the text, Text ==
// ArticleEvent.Text[Start:End]; in the headline (Field FieldTitle), Text ==
// ArticleEvent.Title[Start:End].
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Sentence is the index of the sentence it is in, from 0, in the
	// field it is in.
	Sentence int `json:"sentence"`
	// Field is FieldTitle for a mention in the headline; empty for the
	// text.
	Field string `json:"field,omitempty"`
}

// FieldTitle is the Field of a mention in the headline.
const FieldTitle = "title"

// DateRef is a date expression resolved against the publication time.
type DateRef struct {
	Text string `json:"text"`
	// Value is ISO 8601, as precise as the text: "2025-04-11", "2025-01",
	// "2025", "2025-W15".
	Value string `json:"value"`
	// Granularity is "day", "week", "month" or "year".
	Granularity string `json:"granularity"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
}

// Quote is a direct quotation and who said it.
type Quote struct {
	// Text is the quotation without its quotation marks.
	Text string `json:"text"`
	// Speaker is the ID of the speaking entity, when resolved.
	Speaker string `json:"speaker,omitempty"`
	// SpeakerName is how the speaker is named: the entity's name, or the
	// text that introduced the quote when no entity was resolved.
	SpeakerName string `json:"speaker_name,omitempty"`
	// Verb is the speech verb ("said", "added").
	Verb string `json:"verb,omitempty"`
	// Start and End delimit the quotation in the text, marks excluded.
	Start int `json:"start"`
	End   int `json:"end"`
}
