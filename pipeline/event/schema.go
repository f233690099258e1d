package event

import (
	"embed"
	"io/fs"
)

// schemaFiles are the JSON Schema documents, one per record.
//
//go:embed schema/*.json
var schemaFiles embed.FS

// Schema file names in SchemaFiles, by what they describe.
const (
	ArticleInSchemaFile = "article-in.json"   // Article, the input
	ArticleSchemaFile   = "article.v1.json"   // ArticleEvent, ArticleSchema
	DuplicateSchemaFile = "duplicate.v1.json" // DuplicateNotice, DuplicateSchema
	CodedSchemaFile     = "event.v1.json"     // CodedEvent, CodedSchema
)

// SchemaFiles returns the JSON Schema documents (draft 2020-12) of the
// records, as a file system of the files named by the *SchemaFile
// constants.
func SchemaFiles() fs.FS {
	sub, err := fs.Sub(schemaFiles, "schema")
	if err != nil {
		panic("event: embedded schema directory: " + err.Error()) // fixed at build time
	}
	return sub
}

// Schema returns the JSON Schema document of the published record whose
// "schema" field is name (ArticleSchema, DuplicateSchema or CodedSchema),
// and whether there is one.
func Schema(name string) ([]byte, bool) {
	var file string
	switch name {
	case ArticleSchema:
		file = ArticleSchemaFile
	case DuplicateSchema:
		file = DuplicateSchemaFile
	case CodedSchema:
		file = CodedSchemaFile
	default:
		return nil, false
	}
	b, err := fs.ReadFile(SchemaFiles(), file)
	return b, err == nil
}
