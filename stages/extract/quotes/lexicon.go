package quotes

import "strings"

// class is a set of word classes; a word may be in several ("call" is a
// speech verb, "general" a role and a name part).
type class uint32

const (
	// cVerb: a speech verb or reporting phrase head, as written in lower
	// case ("said", "told", "adding").
	cVerb class = 1 << iota
	// cInvert: a verb that may come before its subject: “…,” said Smith.
	cInvert
	// cPronoun: a personal pronoun that can speak.
	cPronoun
	// cDet: a determiner or possessive pronoun opening a noun phrase.
	cDet
	// cStop: a function word that ends a noun phrase.
	cStop
	// cAdverb: a word that may stand between a subject and its verb
	// ("Smith also said", "he has told").
	cAdverb
	// cRole: a role or title ("spokesman", "President", "Dr").
	cRole
	// cSpeaker: a common noun that can speak on its own ("officials").
	cSpeaker
	// cConnector: a lower-case word inside a name ("Bank of England").
	cConnector
	// cCommon: a word capitalised only at a sentence start or as a date:
	// never part of a name.
	cCommon
	// cAbbrev: an abbreviation whose period does not end a sentence.
	cAbbrev
	// cNounish: a speech verb form that is more often a noun ("asylum
	// claims", "media reports"): a verb only after its subject.
	cNounish
	// cBe: a form of "be": "was told", "is said" are passives whose
	// subject is not the speaker.
	cBe
	// cMention: a word that introduces a word or name rather than a
	// quotation: the term “…”, dubbed “…”.
	cMention
)

// lexicon holds the classes of the listed words. It is built once and
// only read afterwards, so concurrent use is safe.
var lexicon = buildLexicon()

// Speech verbs. The forms that may precede their subject (“…,” said X)
// are in invertVerbs; participles and base forms only follow it.
const (
	invertVerbs = `said says added adds asked asks wrote writes explained
	explains continued continues noted notes stated states replied replies
	answered concluded declared tweeted recalled insisted warned argued
	claimed confirmed announced commented observed remarked responded
	reported acknowledged admitted conceded quipped joked stressed
	emphasised emphasized cautioned recounted reiterated predicted
	countered complained boasted reasoned wondered`
	otherVerbs = `say tell tells told telling saying adding asking writing
	written explaining continuing noting stating replying answering
	declaring tweeting recalling insisting warning arguing claiming
	confirming announcing commenting observing remarking responding
	reporting acknowledging admitting conceding stressing emphasising
	emphasizing cautioning describe describes described describing call
	calls called calling urge urges urged urging recommend recommends
	recommended recommending suggest suggests suggested suggesting deny
	denies denied denying ask write explain insist warn argue claim admit
	confirm announce add tweet posted asserted asserting alleged alleging
	contended testified vowed reads mentioned mentioning shouted yelled
	whispered predicting complaining countering`
)

const (
	nounish = `claim claims call calls report reports note notes comment
	comments tweet tweets reply replies answer states reads post`
	beForms  = `is are was were be been being`
	mentions = `word words term terms phrase name names dubbed nicknamed named
	titled entitled labelled labeled branded so-called slogan motto
	hashtag`
	pronouns = `he she they it i we you him her them us me`
	dets     = `the a an this that these those its his her their our my your
	one another some several many each every both`
	stopWords = `to of in on at by for with from into about after before over
	under since during against as than like through between among per via
	without within upon toward towards across and or but nor so yet because
	while when where if although though whether that which who whom whose
	what is are was were be been being has have had do does did will would
	can could may might must shall should not no also there here then`
	adverbs = `also later then previously further again recently earlier
	once publicly privately reportedly separately initially repeatedly
	subsequently simply just still only has have had would will could
	first today yesterday tonight never often already angrily bluntly
	flatly quickly himself herself itself themselves`
	// roles are titles when capitalised ("President Putin") and roles in
	// lower case ("Kremlin spokesman"); the abbreviations are titles.
	roles = `president minister secretary spokesman spokeswoman spokesperson
	ambassador senator congressman congresswoman representative governor
	mayor general colonel major captain sergeant admiral commander chief
	director chairman chairwoman chair ceo professor doctor sir dame lord
	lady king queen prince princess pope bishop archbishop cardinal
	reverend rabbi imam sheikh judge justice attorney chancellor premier
	coach commissioner inspector detective officer agent deputy
	undersecretary leader head editor dean executive manager founder
	co-founder emir sultan ayatollah administrator envoy official
	researcher campaigner barrister lawyer analyst expert member
	prosecutor correspondent reporter journalist economist scientist
	player striker goalkeeper midfielder defender adviser advisor
	aide lawmaker candidate activist author academic principal teacher
	superintendent sheriff organiser organizer owner partner consultant
	engineer surgeon nurse vice-president secretary-general counsel
	councillor councilor alderman trustee chairperson
	mr mrs ms miss dr prof sen rep gov gen lt col capt sgt rev hon supt
	det insp adm maj cpl`
	speakers = `officials official police ministry government authorities
	authority experts researchers scientists analysts sources source
	witnesses witness residents agency company court prosecutors
	lawyers attorneys report statement authors study survey leaders
	ministers diplomats critics activists protesters organisers
	organizers investigators doctors officers military army department
	office council committee group party campaign union website
	newspaper paper broadcaster network team family insider insiders
	aides advisers advisors observers economists students victims
	spokesman spokeswoman spokesperson spokespeople lawmakers
	legislators embassy regime administration media letter document
	memo email`
	connectors = `of de da di du del della der den van von al el bin ibn
	la le y &`
	commonCaps = `monday tuesday wednesday thursday friday saturday sunday
	january february march april june july august september october
	november december however meanwhile yesterday today tomorrow earlier
	later according speaking asked some many most all both other
	such every each now last next still instead even only`
	abbrevs = `mr mrs ms dr prof st sen rep gov gen lt col capt sgt jr sr
	inc corp co ltd no vs jan feb mar apr jun jul aug sep sept oct nov dec
	mt ft rev hon pres adm maj cpl supt det insp fig approx dept univ ave
	blvd est`
)

// table is an open-addressing hash table of lower-case words: faster
// than a map for the short keys looked up once per word.
type table struct {
	keys []string
	cls  []class
}

const maxWordLen = 20 // longer words are in no list

func buildLexicon() *table {
	lx := &table{keys: make([]string, 1<<11), cls: make([]class, 1<<11)}
	add := func(words string, c class) {
		for _, w := range strings.Fields(words) {
			lx.add(w, c)
		}
	}
	add(invertVerbs, cVerb|cInvert)
	add(otherVerbs, cVerb)
	add(pronouns, cPronoun)
	add(dets, cDet)
	add(stopWords, cStop)
	add(adverbs, cAdverb)
	add(roles, cRole)
	add(speakers, cSpeaker)
	add(connectors, cConnector)
	add(commonCaps, cCommon)
	add(abbrevs, cAbbrev)
	add(nounish, cNounish)
	add(beForms, cBe)
	add(mentions, cMention)
	// "her" is a possessive before a noun and a pronoun after a verb; the
	// parsers decide by position, so it keeps both classes.
	return lx
}

// hash returns the FNV-1a hash of w in ASCII lower case, and w in lower
// case in buf.
func hash(w string, buf *[maxWordLen]byte) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

func (lx *table) add(w string, c class) {
	var buf [maxWordLen]byte
	mask := uint32(len(lx.keys) - 1)
	for i := hash(w, &buf) & mask; ; i = (i + 1) & mask {
		if lx.keys[i] == "" || lx.keys[i] == w {
			lx.keys[i] = w
			lx.cls[i] |= c
			return
		}
	}
}

// lookup returns the classes of w, compared in ASCII lower case.
func lookup(w string) class {
	if len(w) == 0 || len(w) > maxWordLen {
		return 0
	}
	var buf [maxWordLen]byte
	lx := lexicon
	mask := uint32(len(lx.keys) - 1)
	lw := buf[:len(w)]
	for i := hash(w, &buf) & mask; ; i = (i + 1) & mask {
		k := lx.keys[i]
		if k == "" {
			return 0
		}
		if k == string(lw) {
			return lx.cls[i]
		}
	}
}

// verbShape says which words could be speech verbs or start reporting
// phrases: verbShape[(first letter)*maxVerbLen + length] has bit n set
// when one ends in letter n, and bit 32+n when its second letter is n,
// letters numbered by their low five bits, which are the same in either
// case. It lets the gap scan skip nearly every word without a lookup; the
// second letter turns away "and" (for "add") and "about" or "second" (for
// "asked" and "said"), frequent words that the rest of the shape lets
// through. The few other bytes that share a letter's five bits only let a
// word through to the lookup.
var verbShape = func() (t [32 * maxVerbLen]uint64) {
	add := func(w string) {
		if len(w) < 2 || len(w) >= maxVerbLen {
			panic("quotes: speech verb " + w + " has no shape")
		}
		t[int(w[0]&31)*maxVerbLen+len(w)] |= 1<<(w[len(w)-1]&31) | 1<<(32+w[1]&31)
	}
	for i, w := range lexicon.keys {
		if lexicon.cls[i]&cVerb != 0 {
			add(w)
		}
	}
	add("according")
	add("in")
	return t
}()

const maxVerbLen = 16

// maybeVerb reports whether w could be a speech verb or the start of a
// reporting phrase, cheaply; "According" counts.
func maybeVerb(w string) bool {
	n := len(w)
	if n < 2 || n >= maxVerbLen {
		return false
	}
	shape := verbShape[int(w[0]&31)*maxVerbLen+n]
	return shape>>(w[n-1]&31)&(shape>>(32+w[1]&31))&1 != 0
}
