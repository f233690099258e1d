package htmlmeta

import (
	"strings"

	"golang.org/x/net/html"
)

// A metaKey identifies a <meta> name, property, itemprop or http-equiv
// that Extract reads. Within each field the keys are listed, and
// preferred, in order: the Open Graph and article: properties that
// publishers fill for link previews first, then the Dublin Core and
// vendor names that older or smaller sites use.
type metaKey uint8

const (
	metaNone metaKey = iota

	metaOGTitle
	metaTwitterTitle
	metaDCTitle

	metaOGSiteName
	metaApplicationName

	metaArticlePublished // article:published_time
	metaOGPublished      // og:published_time, og:article:published_time: not standard, seen
	metaDatePublished    // itemprop=datePublished
	metaPubdate
	metaPublishDate
	metaDCDateIssued
	metaDCTermsCreated
	metaSailthruDate
	metaParselyPubDate
	metaDCDate
	metaDate

	metaArticleModified // article:modified_time
	metaOGUpdated
	metaDateModified
	metaDCTermsModified

	metaAuthor
	metaArticleAuthor
	metaDCCreator
	metaParselyAuthor
	metaSailthruAuthor
	metaByl

	metaDescription
	metaOGDescription
	metaTwitterDescription

	metaOGURL
	metaContentLanguage
	metaDCLanguage
)

// Field key lists, in order of preference.
var (
	titleKeys       = []metaKey{metaOGTitle, metaTwitterTitle, metaDCTitle}
	publishedKeys   = []metaKey{metaArticlePublished, metaOGPublished, metaDatePublished, metaPubdate, metaPublishDate, metaDCDateIssued, metaDCTermsCreated, metaSailthruDate, metaParselyPubDate, metaDCDate, metaDate}
	modifiedKeys    = []metaKey{metaArticleModified, metaOGUpdated, metaDateModified, metaDCTermsModified}
	authorKeys      = []metaKey{metaAuthor, metaArticleAuthor, metaDCCreator, metaParselyAuthor, metaSailthruAuthor, metaByl}
	descriptionKeys = []metaKey{metaDescription, metaOGDescription, metaTwitterDescription}
	langKeys        = []metaKey{metaContentLanguage, metaDCLanguage}
)

// metaKeys maps the lower-cased attribute value to its key.
var metaKeys = map[string]metaKey{
	"og:title": metaOGTitle, "twitter:title": metaTwitterTitle,
	"dc.title": metaDCTitle, "dcterms.title": metaDCTitle,
	"og:site_name": metaOGSiteName, "application-name": metaApplicationName,

	"article:published_time": metaArticlePublished, "article:published": metaArticlePublished,
	"og:published_time": metaOGPublished, "og:article:published_time": metaOGPublished,
	"datepublished": metaDatePublished, "pubdate": metaPubdate,
	"publishdate": metaPublishDate, "publish-date": metaPublishDate, "publish_date": metaPublishDate,
	"dc.date.issued": metaDCDateIssued, "dcterms.issued": metaDCDateIssued,
	"dcterms.created": metaDCTermsCreated, "dc.date.created": metaDCTermsCreated,
	"sailthru.date": metaSailthruDate, "parsely-pub-date": metaParselyPubDate,
	"dc.date": metaDCDate, "dcterms.date": metaDCDate, "date": metaDate,

	"article:modified_time": metaArticleModified, "article:modified": metaArticleModified,
	"og:updated_time": metaOGUpdated, "datemodified": metaDateModified,
	"dcterms.modified": metaDCTermsModified, "dc.date.modified": metaDCTermsModified,

	"author": metaAuthor, "article:author": metaArticleAuthor,
	"dc.creator": metaDCCreator, "dcterms.creator": metaDCCreator,
	"parsely-author": metaParselyAuthor, "sailthru.author": metaSailthruAuthor, "byl": metaByl,

	"description": metaDescription, "og:description": metaOGDescription,
	"twitter:description": metaTwitterDescription,

	"og:url": metaOGURL, "content-language": metaContentLanguage,
	"dc.language": metaDCLanguage, "dcterms.language": metaDCLanguage,
}

// maxMetas bounds how many known <meta> values a page may contribute.
const maxMetas = 64

// metaVal is one <meta> value with its key.
type metaVal struct {
	key metaKey
	val string
}

// addMeta records a <meta> element's content under each known key among
// its name, property, itemprop and http-equiv attributes (a tag may carry
// both name and property, as some sites write for Open Graph).
func (w *walker) addMeta(n *html.Node) {
	var content string
	hasContent := false
	for _, a := range n.Attr {
		if a.Key == "content" {
			content, hasContent = a.Val, true
			break
		}
	}
	if !hasContent || strings.TrimSpace(content) == "" {
		return
	}
	var buf [32]byte
	for _, a := range n.Attr {
		switch a.Key {
		case "name", "property", "itemprop", "http-equiv":
			k := metaKeys[string(lowerASCII(buf[:0], strings.TrimSpace(a.Val)))]
			if k != metaNone && len(w.metas) < maxMetas {
				w.metas = append(w.metas, metaVal{k, content})
			}
		}
	}
}

// meta returns the first value of the first key in keys that has one.
func (w *walker) meta(keys []metaKey) string {
	for _, k := range keys {
		for _, m := range w.metas {
			if m.key == k {
				return m.val
			}
		}
	}
	return ""
}

// metaAll calls f with each value of each key in keys, in order.
func (w *walker) metaAll(keys []metaKey, f func(string)) {
	for _, k := range keys {
		for _, m := range w.metas {
			if m.key == k {
				f(m.val)
			}
		}
	}
}
