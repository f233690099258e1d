package ner

import (
	"strings"
	"time"

	"github.com/newsflow/newsflow/stages/internal/calendar"
)

// Word lists that decide spans and types. Keys are lower case; a word is
// looked up once in all of them, without a lower-cased copy (see cuesOf).

// connectors may join the capitalised words of one name ("Bank of
// England", "Daughters of the American Revolution", "Ludwig van
// Beethoven", "Osama bin Laden", "Chama cha Mapinduzi").
var connectors = set(
	"of", "the", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des",
	"van", "von", "der", "den", "ter", "la", "le", "bin", "ibn", "al", "el", "y", "e",
	"for", "and", "&",
	"cha", "wa", "ya", // Swahili: "Chama cha Mapinduzi", "Ngugi wa Thiong'o"
)

// commonWords are capitalised at the start of a sentence or a headline for
// no other reason; a name does not start with one there.
var commonWords = set(
	"a", "about", "above", "according", "across", "after", "afterwards", "again", "against", "all", "almost",
	"along", "already", "also", "although", "always", "among", "an", "and", "another", "any", "anyone",
	"anything", "are", "around", "as", "at", "back", "be", "because", "been", "before", "being", "below",
	"besides", "between", "beyond", "both", "but", "by", "can", "could", "despite", "did", "do", "does",
	"during", "each", "earlier", "either", "else", "even", "ever", "every", "everyone", "few", "first",
	"following", "for", "former", "from", "further", "had", "has", "have", "having", "he", "her", "here",
	"hers", "him", "his", "how", "however", "i", "if", "in", "including", "instead", "into", "is", "it",
	"its", "just", "last", "later", "least", "less", "let", "like", "many", "may", "meanwhile", "might",
	"more", "moreover", "most", "much", "must", "my", "near", "neither", "never", "new", "next", "no",
	"nobody", "none", "nor", "not", "nothing", "now", "of", "off", "often", "on", "once", "one", "only",
	"or", "other", "others", "otherwise", "our", "out", "over", "own", "per", "perhaps", "please", "rather",
	"recently", "same", "several", "she", "should", "since", "so", "some", "someone", "something",
	"sometimes", "soon", "still", "such", "than", "that", "the", "their", "them", "then", "there",
	"therefore", "these", "they", "this", "those", "though", "through", "thus", "to", "today", "together",
	"too", "toward", "towards", "under", "unless", "until", "up", "upon", "us", "very", "via", "was", "we",
	"well", "were", "what", "whatever", "when", "whenever", "where", "whereas", "whether", "which",
	"while", "who", "whoever", "whole", "whom", "whose", "why", "will", "with", "within", "without",
	"would", "yesterday", "yet", "you", "your", "tomorrow", "tonight", "image", "photo", "video", "read",
	"see", "said", "says", "asked", "what's", "it's", "there's", "here's", "meet", "watch", "breaking",
	"update", "updated", "exclusive", "opinion", "analysis", "editorial", "two", "three", "four", "five",
	"six", "seven", "eight", "nine", "ten", "thousands", "hundreds", "millions", "dozens", "officials",
	"police", "authorities", "experts", "researchers", "scientists", "critics", "residents", "people",
	"many", "nearly", "about", "some", "negotiations", "talks", "speaking", "asked", "yes",
	"i'm", "i'll", "i've", "i'd", "we're", "we'll", "we've", "they're", "they'll", "they've",
	"you're", "you'll", "you've", "he's", "she's", "that's", "let's", "don't", "can't", "won't",
	"isn't", "didn't", "doesn't", "wasn't", "aren't",
)

// weekdaysMonths are never names on their own: the names of the weekdays
// and the months, and the months' abbreviations with the period the
// tokenizer keeps on them ("Sept."); without it, "Jan" may be a first
// name.
var weekdaysMonths = func() map[string]bool {
	m := make(map[string]bool)
	for d := time.Sunday; d <= time.Saturday; d++ {
		m[calendar.WeekdayName(d)] = true
	}
	for mo := time.January; mo <= time.December; mo++ {
		m[calendar.MonthName(mo)] = true
		for _, a := range calendar.MonthAbbrevs(mo) {
			m[a+"."] = true
		}
	}
	return m
}()

// roleWords are titles and roles that come before a person's name
// ("President Donald Trump", "spokesman Dmitry Peskov") or after it in
// apposition ("Steve Witkoff, the special envoy"). They end a name span
// where they stand before the name.
var roleWords = set(
	"sheriff", "constable", "coroner", "alderman", "councilman", "councilwoman", "councilor", "trooper",
	"police", "fire",
	"president", "vice", "prime", "minister", "secretary", "chancellor", "king", "queen", "prince",
	"princess", "emperor", "empress", "pope", "cardinal", "archbishop", "bishop", "rev.", "reverend",
	"senator", "sen.", "representative", "rep.", "congressman", "congresswoman", "governor", "gov.",
	"mayor", "general", "gen.", "admiral", "adm.", "colonel", "col.", "lieutenant", "lt.", "captain",
	"capt.", "major", "maj.", "sergeant", "sgt.", "commander", "chief", "director", "chairman",
	"chairwoman", "chair", "ceo", "cfo", "judge", "justice", "ambassador", "envoy", "spokesman",
	"spokeswoman", "spokesperson", "speaker", "leader", "coach", "dr.", "doctor", "mr.", "mrs.", "ms.",
	"miss", "sir", "dame", "lord", "lady", "sheikh", "ayatollah", "imam", "rabbi", "professor",
	"mr", "mrs", "ms", "dr",
	"prof.", "attorney", "deputy", "assistant", "commissioner", "officer", "inspector", "detective",
	"superintendent", "premier", "sultan", "emir", "founder", "editor", "correspondent", "reporter",
	"analyst", "economist", "official", "officials", "press", "foreign", "defense", "defence",
	"interior", "finance", "health", "justice", "state", "special", "former", "acting", "senior",
	"top", "head", "executive", "manager", "member", "mp", "lawmaker", "diplomat", "adviser",
	"advisor", "aide", "chief", "councillor", "councilman", "councilwoman", "marshal", "pilot",
	"candidate", "nominee", "president-elect", "actor", "actress", "singer", "player", "striker",
	"goalkeeper", "midfielder", "defender", "author", "writer", "artist", "scientist", "researcher",
	"astronaut", "physician", "lawyer", "prosecutor", "activist", "student", "mother", "father",
	"wife", "husband", "son", "daughter", "brother", "sister", "colleague", "partner", "owner",
	"businessman", "businesswoman", "billionaire", "entrepreneur", "investor", "priest", "monk",
	"chef", "host", "anchor", "commentator", "spokesperson", "chancellor", "governor-general",
	"administrator", "secretary-general", "director-general", "chief executive", "vice-president",
)

// roleHeads are the role words that name a role by themselves; the others
// (special, former, press, foreign…) only qualify one.
var roleHeads = set(
	"sheriff", "constable", "coroner", "alderman", "councilman", "councilwoman", "councilor", "trooper",
	"president", "minister", "secretary", "chancellor", "king", "queen", "prince", "princess",
	"emperor", "empress", "pope", "cardinal", "archbishop", "bishop", "senator", "sen.",
	"representative", "rep.", "congressman", "congresswoman", "governor", "gov.", "mayor", "general",
	"gen.", "admiral", "adm.", "colonel", "col.", "lieutenant", "lt.", "captain", "capt.", "major",
	"maj.", "sergeant", "sgt.", "commander", "chief", "director", "chairman", "chairwoman", "chair",
	"ceo", "cfo", "judge", "justice", "ambassador", "envoy", "spokesman", "spokeswoman",
	"spokesperson", "speaker", "leader", "coach", "professor", "prof.", "attorney", "commissioner",
	"officer", "inspector", "detective", "superintendent", "premier", "sultan", "emir", "founder",
	"editor", "correspondent", "reporter", "analyst", "economist", "official", "manager", "member",
	"mp", "lawmaker", "diplomat", "adviser", "advisor", "aide", "councillor", "marshal", "nominee",
	"candidate", "president-elect", "sheikh", "ayatollah", "imam", "rabbi", "pilot", "astronaut",
	"lawyer", "prosecutor", "activist", "author", "writer", "actor", "actress", "singer", "player",
	"coach", "striker", "goalkeeper", "scientist", "researcher", "physician", "priest", "host",
	"executive", "head", "businessman", "businesswoman", "billionaire", "entrepreneur", "investor",
	"owner", "student", "administrator", "secretary-general", "director-general", "vice-president",
)

// honorifics are titles that say the name after them is a person's but are
// not worth reporting as a role.
var honorifics = set("mr.", "mrs.", "ms.", "miss", "sir", "dame", "lord", "lady", "dr.", "mr", "mrs", "ms", "dr")

// orgHeads end or start organisation names ("Foreign Ministry", "Ministry
// of Defence", "Procter & Gamble Co.").
var orgHeads = set(
	"ministry", "department", "agency", "bureau", "office", "administration", "authority",
	"commission", "committee", "council", "assembly", "parliament", "congress", "senate", "court",
	"tribunal", "party", "front", "movement", "alliance", "coalition", "union", "league", "federation",
	"association", "society", "institute", "institution", "university", "college", "school", "academy",
	"foundation", "fund", "trust", "bank", "corporation", "corp.", "corp", "company", "co.", "inc.",
	"inc", "ltd", "ltd.", "llc", "plc", "group", "holdings", "industries", "systems", "technologies",
	"airlines", "airways", "motors", "energy", "oil", "petroleum", "pharmaceuticals", "network",
	"news", "times", "post", "journal", "herald", "tribune", "gazette", "telegraph", "press",
	"television", "radio", "broadcasting", "media", "army", "navy", "force", "forces", "guard",
	"police", "brigade", "regiment", "club", "fc", "team", "organization", "organisation",
	"hospital", "clinic", "church", "library", "service",
	"services", "board", "panel", "cabinet", "government", "regime", "command", "laboratory", "lab",
	"labs", "studio", "studios", "records",
	"institutes", "commonwealth", "republicans", "democrats", "nations", "exchange", "market", "stock",
	"security", "intelligence", "corps", "weekly", "daily", "magazine", "monthly",
	"instituto", "istituto", "universidad", "universidade", "università", "université", "banco",
	"banque", "partido", "partito", "municipality", "org",
	// Parties, movements, institutions and companies of other languages,
	// as English news names them untranslated.
	"partai", "parti", "barisan", "pakatan", "perikatan", "gerakan", "chama", "jamaat", "jamiat", "hizb",
	"hezb", "majlis", "tehreek", "tahreek", "janata", "morcha", "frente", "movimiento", "movimento",
	"mouvement", "rassemblement", "unión", "união", "congreso", "asamblea", "assemblée", "consejo",
	"conselho", "conseil", "ministerio", "ministério", "ministère", "kementerian", "wizara", "grupo",
	"empresa", "sociedad", "fundación", "fundação", "universitas", "lega", "liga", "forza", "bundesbank",
)

// compoundPrefixes make an adjective or a group of a name they are
// hyphenated to ("pro-Beijing", "anti-Trump", "non-EU"): the name is not
// mentioned as itself. Name particles ("al-Assad", "bin-Talal") are not
// among them.
var compoundPrefixes = set("pro", "anti", "non", "ex", "post", "pre", "neo", "semi", "multi", "sub", "ultra",
	"un", "co", "counter", "cross", "then", "so", "self", "half", "quasi", "pseudo", "far")

// nameParticles start a name hyphenated to them, lower case ("al-Qaeda",
// "al-Sadr", "bin-Talal"): the particle is part of the name.
var nameParticles = set("al", "el", "ad", "ash", "as", "at", "az", "ar", "an", "ul", "bin", "ibn", "abu", "bint", "ben")

// eventHeads end the names of events, awards, wars and programmes, which
// are not entities: "World Cup", "Lantern Festival", "Nobel Prize",
// "Second World War", "Space Shuttle Program".
var eventHeads = set("cup", "championship", "championships", "festival", "games", "olympics", "conference",
	"summit", "challenge", "expo", "tournament", "marathon", "prize", "awards", "award", "war", "olympiad",
	"program", "programme", "project", "initiative")

// placeHeads end place names ("Harris County", "Red Square", "Gaza
// Strip").
var placeHeads = set(
	"city", "county", "province", "region", "district", "state", "island", "islands", "river",
	"lake", "mountain", "mountains", "mount", "mt.", "valley", "bay", "sea", "ocean", "gulf", "coast",
	"peninsula", "strip", "bank", "square", "street", "st.", "avenue", "ave.", "road", "boulevard",
	"park", "bridge", "airport", "station", "port", "harbour", "harbor", "desert", "forest",
	"canyon", "falls", "beach", "hills", "heights", "plains", "plain", "plateau", "delta", "marshes",
	"village", "town", "borough", "prefecture",
	"oblast", "territory", "hall", "stadium", "arena", "tower", "palace", "castle", "cathedral",
	"capitol", "plaza", "corridor", "border", "canal", "channel", "strait", "highway", "north",
	"museum", "mosque", "temple", "center", "centre", "zoo", "gallery", "hotel", "planetarium",
	"complex", "base", "memorial", "monument", "cemetery", "prison", "camp", "theatre", "theater",
	"pavilion", "resort", "mall", "observatory", "shrine",
	"south", "east", "west",
)

// orgNounsAfter follow an organisation's name used as a modifier ("the
// Scientology organization", "NASA officials", "a Google spokesman").
var orgNounsAfter = set(
	"organization", "organisation", "officials", "official", "spokesman", "spokeswoman",
	"spokesperson", "members", "leadership", "leaders", "headquarters", "executives", "employees",
	"staff", "lawyers", "attorney", "attorneys", "board", "chairman", "ceo", "shareholders",
	"subsidiary", "representatives", "management", "website", "statement",
)

// speechVerbs after a lone unknown name make it a person speaking
// ("Rathbun said").
var speechVerbs = set("said", "says", "told", "added", "stated", "explained", "noted", "wrote", "argued", "insisted", "recalled", "claimed")

// orgMembers before "from", "for" or "at" and a name unknown elsewhere
// make it an organisation: "crews from Oncor", "a spokesperson for
// Zenith", "an analyst at Fidelity".
var orgMembers = set("crews", "crew", "workers", "employees", "employee", "staff", "engineers", "technicians",
	"executives", "executive", "spokesperson", "spokesman", "spokeswoman", "representative", "representatives",
	"lawyers", "lawyer", "analyst", "analysts", "economist", "economists", "researchers", "researcher",
	"shareholders", "investors", "customers", "officials", "official", "director", "directors", "boss", "ceo",
	"chief", "head", "chairman", "president", "manager", "managers", "contractors", "owner", "owners")

// personVerbs after a lone unknown name make it a person, as speechVerbs
// do: what people do and institutions are not said to ("Trump met Xi",
// "Scholz flew to Paris"), and the accusations, appeals and warnings
// one-sentence items make of a leader named by surname ("Zelensky
// accused Moscow"): an institution that does these is known by name or
// written with its article. Verbs that organisations do as often (sign,
// announce) are left out.
var personVerbs = set("met", "meets", "visited", "visits", "spoke", "speaks", "phoned", "telephoned",
	"thanked", "congratulated", "arrived", "arrives", "travelled", "traveled", "travels", "flew", "flies",
	"resigned", "resigns", "died", "dies", "vowed", "vows", "tweeted", "shook", "hugged",
	"accused", "accuses", "urged", "urges", "warned", "warns", "criticised", "criticized", "criticises", "criticizes",
	"condemned", "condemns", "blamed", "blames", "praised", "praises", "slammed", "slams")

// personInfinitives are personVerbs in the form "to" takes.
var personInfinitives = set("meet", "visit", "speak", "phone", "telephone", "thank", "congratulate", "travel", "fly",
	"resign", "tweet", "hug")

// metObjects after "met" make it "satisfied", not "came together with":
// "Apple met expectations".
var metObjects = set("expectations", "expectation", "estimates", "forecasts", "targets", "target", "demand",
	"demands", "deadline", "deadlines", "criteria", "requirements", "standards", "goals", "goal", "needs", "conditions")

// personObjectVerbs before a lone unknown name make it a person: "met Xi",
// "congratulated Sheinbaum".
var personObjectVerbs = set("met", "meets", "thanked", "congratulated", "phoned", "telephoned", "hugged")

// placePrepositions before an unknown name hint at a place ("in Herat",
// "from Kabul").
var placePrepositions = set("in", "from", "to", "near", "at", "across", "outside", "inside", "into", "towards", "toward")

// determiners before a name are not part of it.
var determiners = set("the", "a", "an")

// cue is a bit set of the lists a word belongs to.
type cue uint32

const (
	cueConnector cue = 1 << iota
	cueCommon
	cueWeekdayMonth
	cueRole
	cueRoleHead
	cueHonorific
	cueOrgHead
	cuePlaceHead
	cuePlacePrep
	cueDeterminer
	cueOrgNounAfter
	cueSpeech
	cuePersonVerb     // after a name: what people do
	cuePersonObject   // before a name: what is done to people
	cueMetObject      // after "met": what is satisfied, not who
	cueOrgMember      // before "from", "for", "at" and a name: its people
	cueEventHead      // ends an event's name
	cueCompoundPrefix // before a hyphen, makes a name an adjective
	cueNameParticle   // before a hyphen, starts a name
	cueFirstName      // a first name the gazetteer knows
	cueFirstComputed  // cueFirstName is filled in (see firstName)
	cueComputed       // the token's word-list cues are filled in; the highest cue (see is)
)

// cueWords maps every word of the lists above, lower case, to its cues: a
// word is looked up once per token, not once per list.
var cueWords = func() map[string]cue {
	m := make(map[string]cue)
	for _, l := range []struct {
		words map[string]bool
		c     cue
	}{
		{connectors, cueConnector}, {commonWords, cueCommon}, {weekdaysMonths, cueWeekdayMonth},
		{roleWords, cueRole}, {roleHeads, cueRoleHead}, {honorifics, cueHonorific},
		{orgHeads, cueOrgHead}, {placeHeads, cuePlaceHead}, {placePrepositions, cuePlacePrep},
		{determiners, cueDeterminer}, {orgNounsAfter, cueOrgNounAfter}, {speechVerbs, cueSpeech},
		{personVerbs, cuePersonVerb}, {personObjectVerbs, cuePersonObject}, {metObjects, cueMetObject},
		{orgMembers, cueOrgMember}, {eventHeads, cueEventHead},
		{compoundPrefixes, cueCompoundPrefix}, {nameParticles, cueNameParticle},
	} {
		for w := range l.words {
			m[w] |= l.c
		}
	}
	return m
}()

// cueShapes has a bit per (length, first letter, second letter) of the
// words in cueWords: most words of a text are in no list, and this tells
// so without hashing them, from 3.5 KB that stay in the cache.
var cueShapes = func() (t [33][27]uint32) {
	for w := range cueWords {
		if len(w) < len(t) {
			t[len(w)][letterIndex(w[0])] |= 1 << secondLetter(w)
		}
	}
	return t
}()

// hasShape reports whether a word of cueWords has length n, and first and
// second letters first and second (see letterIndex).
func hasShape(n, first, second int) bool {
	return n < len(cueShapes) && cueShapes[n][first]&(1<<second) != 0
}

// secondLetter is the letterIndex of w's second byte, 26 if none.
func secondLetter(w string) int {
	if len(w) < 2 {
		return 26
	}
	return letterIndex(w[1])
}

func letterIndex(c byte) int {
	c |= 0x20
	if 'a' <= c && c <= 'z' {
		return int(c - 'a')
	}
	return 26
}

// cuesOf returns the cues of word, compared without regard to ASCII case
// and with typographic apostrophes as straight ones ("I’m" as "i'm").
func cuesOf(word string) cue {
	// Most words are in no list: their length and first letter tell so
	// without a scan. A typographic apostrophe is two bytes longer than
	// the straight one the lists have.
	if len(word) == 0 || len(word) > 34 {
		return 0
	}
	first, second := letterIndex(word[0]), secondLetter(word)
	if !hasShape(len(word), first, second) && (len(word) < 4 || !hasShape(len(word)-2, first, second)) {
		return 0
	}
	if strings.IndexByte(word, 0xe2) < 0 {
		return cueTable.get(word)
	}
	var buf [32]byte
	n := 0
	for i := 0; i < len(word); i++ {
		if n == len(buf) {
			return 0
		}
		c := word[i]
		if c == 0xe2 && strings.HasPrefix(word[i:], "\u2019") {
			c, i = '\'', i+2
		}
		buf[n] = c
		n++
	}
	return cueTable.get(string(buf[:n]))
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
