package ner

import (
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// find runs Find on text and renders its entities as "TYPE Name
// [mention|mention] country role".
func find(text string) []string {
	var tk token.Tokenizer
	toks, sents := tk.Tokenize(text)
	var out []string
	for _, e := range Find(text, toks, sents) {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text)
		}
		out = append(out, strings.Join(strings.Fields(e.Type+" "+e.Name+" ["+strings.Join(ms, "|")+"] "+e.Country+" "+e.Role), " "))
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"U.S. President Donald Trump met Russian President Vladimir Putin in St. Petersburg.",
			[]string{"LOC United States [U.S.] US", "PER Donald Trump [Donald Trump] US President", "PER Vladimir Putin [Vladimir Putin] RU President", "LOC Saint Petersburg [St. Petersburg] RU"}},
		{"Kremlin spokesman Dmitry Peskov said Putin would wait. Later, Peskov added more.",
			[]string{"ORG Kremlin [Kremlin] RU", "PER Dmitry Peskov [Dmitry Peskov|Peskov] RU spokesman", "PER Vladimir Putin [Putin] RU"}},
		{"Steve Witkoff, the special envoy, flew in. Vitkov then met officials in Moscow.",
			[]string{"PER Steve Witkoff [Steve Witkoff|Vitkov] US special envoy", "LOC Moscow [Moscow] RU"}},
		// A one-word name the gazetteer knows as a person's, when what
		// follows is what people do.
		{"Suharto resigned in 1998.", []string{"PER Suharto [Suharto] ID"}},
		// An apposition's country, before its role words.
		{"Maria Lopez, a Mexican official, spoke.", []string{"PER Maria Lopez [Maria Lopez] MX official"}},
		{"Ahmed Salem, Egypt's foreign minister, spoke.", []string{"PER Ahmed Salem [Ahmed Salem] EG foreign minister", "LOC Egypt [Egypt] EG"}},
		{"Jeff Rathke, the State Department spokesperson, spoke.",
			[]string{"PER Jeff Rathke [Jeff Rathke] US spokesperson", "ORG State Department [State Department] US"}},
		{"White House Press Secretary Karoline Leavitt spoke. Levitt said nothing new.",
			[]string{"ORG White House [White House] US", "PER Karoline Leavitt [Karoline Leavitt|Levitt] US Press Secretary"}},
		{"Trade between the United States and the U.S. allies grew, officials in Kiev said.",
			[]string{"LOC United States [United States|U.S.] US", "LOC Kyiv [Kiev] UA"}},
		{"On Friday the University of Sheffield said the Bank of England would lend.",
			[]string{"ORG University of Sheffield [University of Sheffield]", "ORG Bank of England [Bank of England] GB"}},
		{"Claudia Mo of the Civic Party and Poland and Armenia.",
			[]string{"PER Claudia Mo [Claudia Mo]", "ORG Civic Party [Civic Party]", "LOC Poland [Poland] PL", "LOC Armenia [Armenia] AM"}},
		{"Governor of Washington Chris Gregoire said it.",
			[]string{"LOC Washington [Washington] US", "PER Chris Gregoire [Chris Gregoire] US Governor of Washington"}},
		{"Kovalchuk accused Moscow of stalling.", []string{"PER Kovalchuk [Kovalchuk]", "LOC Moscow [Moscow] RU"}},
		{"Embattled Moldova welcomed it. Michael Jordan did not.",
			[]string{"LOC Moldova [Moldova] MD", "PER Michael Jordan [Michael Jordan]"}},
		{"Negotiations took place. According to officials, nothing changed in January.", nil},
		{"Russian rare earths and pro-Beijing camps were mentioned.", nil},
		{"UN Secretary-General Antonio Guterres urged restraint.",
			[]string{"ORG United Nations [UN]", "PER Antonio Guterres [Antonio Guterres] Secretary-General"}},
		// The head of an institution's name, alone at a sentence's start.
		{"University students protested.", nil},
		{"Students, who have led the protests, blocked roads.", nil}, // a group, capitalised for the sentence
		// An adjective made of a name and a participle is no name.
		{"The Saudi-led coalition and the Iran-backed Houthis fought.", []string{"ORG Houthis [Houthis] YE"}},
		{"Wu Chi-wai of the Democratic Party won.", []string{"PER Wu Chi-wai [Wu Chi-wai]", "ORG Democratic Party [Democratic Party] US"}},
		{"Storms hit Europe, the Middle East and Florida.",
			[]string{"LOC Europe [Europe]", "LOC Middle East [Middle East]", "LOC Florida [Florida] US"}},
		{"A judge freed Valeska Paris. Paris said she had changed.", []string{"PER Valeska Paris [Valeska Paris|Paris]"}},
		{"Internet Explorer 9 beats Internet Explorer in tests, and IE6 is gone. The STS-134 crew flew.", nil},
		{"“I’m sure,” she said.", nil},
		{"Leung Chun-ying met Leung Che-cheung.", []string{"PER Leung Chun-ying [Leung Chun-ying]", "PER Leung Che-cheung [Leung Che-cheung]"}},
		// People known by one name: what they do, what is done to them,
		// whom they are named with; not "met expectations".
		{"Kovalchuk met Xi in Beijing on Monday.", []string{"PER Kovalchuk [Kovalchuk]", "PER Xi Jinping [Xi] CN", "LOC Beijing [Beijing] CN"}},
		{"Kovalchuk to meet Xi in Beijing next week", []string{"PER Kovalchuk [Kovalchuk]", "PER Xi Jinping [Xi] CN", "LOC Beijing [Beijing] CN"}},
		{"Kovalchuk and Scholz met in Berlin to discuss the budget.", []string{"PER Kovalchuk [Kovalchuk]", "PER Olaf Scholz [Scholz] DE", "LOC Berlin [Berlin] DE"}},
		// A known surname is the person the text names in full, if any.
		{"Striker Alex Scholz scored twice. Scholz said the team played well.", []string{"PER Alex Scholz [Alex Scholz|Scholz] Striker"}},
		{"Tunisia coach Nabil Maaloul said the team would win.", []string{"LOC Tunisia [Tunisia] TN", "PER Nabil Maaloul [Nabil Maaloul] TN coach"}},
		{"Shares rose after Zentrix met expectations.", nil},
		{"The talks were held in Geneva on Friday.", []string{"LOC Geneva [Geneva] CH"}},
		// Titles before names, and offices named for their head.
		{"Lamar County Sheriff Scott Cass said no one was hurt. Cass said the roads were closed.",
			[]string{"LOC Lamar County [Lamar County]", "PER Scott Cass [Scott Cass|Cass] Sheriff"}},
		{"The Lamar County Sheriff's Office said no one was hurt.", []string{"ORG Lamar County Sheriff's Office [Lamar County Sheriff's Office]"}},
		// Organisations no list knows, from their people; two named
		// one after the other.
		{"Mayor Steve Clifford said crews from Oncor were out.", []string{"PER Steve Clifford [Steve Clifford] Mayor", "ORG Oncor [Oncor]"}},
		// A word the text also writes in lower case is capitalised for
		// the sentence, not a name.
		{"Iodine deficiency is common. Doctors add iodine to bread.", nil},
		{"Members of the Sea Org signed contracts. The members left.", []string{"ORG Sea Org [Sea Org]"}},
		// The second part of a hyphenated name is no lower-case word.
		{"Cheng Chung-tai of Civic Passion won.", []string{"PER Cheng Chung-tai [Cheng Chung-tai]", "ORG Civic Passion [Civic Passion]"}},
		{"FTU's Kwok Wai-keung won. Wu Chi-wai of the Democratic Party won too.",
			[]string{"ORG FTU [FTU]", "PER Kwok Wai-keung [Kwok Wai-keung]", "PER Wu Chi-wai [Wu Chi-wai]", "ORG Democratic Party [Democratic Party] US"}},
		// A compound prefix makes an adjective of a name; a particle
		// starts one.
		{"Pro-Beijing DAB's Starry Lee and the pro-Beijing New People Party's Regina Ip won.",
			[]string{"ORG DAB [DAB]", "PER Starry Lee [Starry Lee]", "ORG New People Party [New People Party]", "PER Regina Ip [Regina Ip] CN"}},
		{"Moqtada al-Sadr said al-Qaeda had left. Later al-Sadr met Bashar al-Assad.",
			[]string{"PER Moqtada al-Sadr [Moqtada al-Sadr|al-Sadr]", "ORG al-Qaeda [al-Qaeda]", "PER Bashar al-Assad [Bashar al-Assad] SY"}},
		// "and" joins two parts of one organisation's name only.
		{"Leung Yiu-chung of NWSC and James To of the Democratic Party won, said K.C. Maurer of the Bill and Melinda Gates Foundation.",
			[]string{"PER Leung Yiu-chung [Leung Yiu-chung]", "ORG NWSC [NWSC]", "PER James To [James To]", "ORG Democratic Party [Democratic Party] US",
				"PER K.C. Maurer [K.C. Maurer]", "ORG Bill and Melinda Gates Foundation [Bill and Melinda Gates Foundation]"}},
		// A caption's credit ends the name before it.
		{"Fans cheered. Ahmed Mohamed Image: Nick Moreau.", []string{"PER Ahmed Mohamed [Ahmed Mohamed]", "PER Nick Moreau [Nick Moreau]"}},
		// People's names are not written like products and codes.
		{"Visitors tried PlayStation VR while Anna Smith watched; the stamp Protected B was on every page.",
			[]string{"PER Anna Smith [Anna Smith]"}},
		// Names from everywhere: diacritics, Swahili connectors, a known
		// person named more fully, the country whose official or
		// institution it is.
		{"Luiz Inácio Lula da Silva met Chama cha Mapinduzi's Samia Suluhu Hassan. Later Hassan left.",
			[]string{"PER Luiz Inacio Lula da Silva [Luiz Inácio Lula da Silva] BR", "ORG Chama cha Mapinduzi [Chama cha Mapinduzi]",
				"PER Samia Suluhu Hassan [Samia Suluhu Hassan|Hassan] TZ"}},
		{"Fiji's Prime Minister Sitiveni Rabuka and Kenya's Ministry of Health agreed.",
			[]string{"LOC Fiji [Fiji] FJ", "PER Sitiveni Rabuka [Sitiveni Rabuka] FJ Prime Minister", "LOC Kenya [Kenya] KE", "ORG Health Ministry [Ministry of Health] KE"}},
		// A caption run into the next sentence: "In the" starts it.
		{"Ann Chiang of DAB In the Kowloon West constituency, Henry I of England won.",
			[]string{"PER Ann Chiang [Ann Chiang]", "ORG DAB [DAB]", "LOC Kowloon West [Kowloon West]", "PER Henry I [Henry I]", "LOC England [England] GB"}},
		// Events, awards and wars are not entities.
		{"Fans of the World Cup met at the Lantern Festival before the Nobel Prize.", nil},
		{"The Space Shuttle Program ended.", nil},
		// Eras are no names; "who" stands for a person.
		{"The city was founded around 1000 BC and sacked in AD 79.", nil},
		{"Earlier this year Seagal, whose grandmother was Russian, visited.", []string{"PER Seagal [Seagal]"}},
		// Institutions and parties, English and not.
		{"The Municipality of Livorno and the Government of Kenya signed it.",
			[]string{"ORG Municipality of Livorno [Municipality of Livorno]", "ORG Government of Kenya [Government of Kenya]"}},
		{"Officials of the Barisan Nasional met Chama Cha Mapinduzi leaders.",
			[]string{"ORG Barisan Nasional [Barisan Nasional]", "ORG Chama Cha Mapinduzi [Chama Cha Mapinduzi]"}},
		{"Pakistan Tehreek-e-Insaf said Jamaat-e-Islami would join.",
			[]string{"ORG Pakistan Tehreek-e-Insaf [Pakistan Tehreek-e-Insaf]", "ORG Jamaat-e-Islami [Jamaat-e-Islami]"}},
		{"An analyst at Fidelity said Zenith Group and First Mutual Bank would merge.",
			[]string{"ORG Fidelity [Fidelity]", "ORG Zenith Group [Zenith Group]", "ORG First Mutual Bank [First Mutual Bank]"}},
		{"Visitors saw the Kennedy Space Center Visitor Complex and the Evergreen Aviation & Space Museum.",
			[]string{"LOC Kennedy Space Center Visitor Complex [Kennedy Space Center Visitor Complex]", "LOC Evergreen Aviation & Space Museum [Evergreen Aviation & Space Museum]"}},
	}
	for _, tt := range tests {
		got := find(tt.text)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Find(%q) =\n  %s\nwant\n  %s", tt.text, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
		}
	}
}

func TestFindOffsetsAndOrder(t *testing.T) {
	text := "Putin met Witkoff. “We talked,” Putin said in Moscow, where Witkoff stayed."
	var tk token.Tokenizer
	toks, sents := tk.Tokenize(text)
	ents := Find(text, toks, sents)
	prev := -1
	for k, e := range ents {
		if e.ID != "e"+string(rune('1'+k)) {
			t.Errorf("entity %d id = %s; want e%d", k, e.ID, k+1)
		}
		if e.Mentions[0].Start <= prev {
			t.Errorf("entity %s first mention at %d, not after the previous entity's (%d)", e.Name, e.Mentions[0].Start, prev)
		}
		prev = e.Mentions[0].Start
		if e.Salience <= 0 || e.Salience > 1 {
			t.Errorf("entity %s salience %v outside (0, 1]", e.Name, e.Salience)
		}
		for _, m := range e.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v: text[%d:%d] = %q", m, m.Start, m.End, text[m.Start:m.End])
			}
		}
	}
	if len(ents) == 0 || ents[0].Type != event.TypePerson {
		t.Fatalf("Find(%q) = %+v; want Putin first", text, ents)
	}
}

func TestPhoneticKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Witkoff", "Vitkov", true},
		{"Leavitt", "Levitt", true},
		{"Peskov", "Peskoff", true},
		{"Putin", "Trump", false},
		{"Gadhafi", "Gaddafi", true},
		{"Mohammed", "Muhammad", true},
		{"Zelensky", "Zelenskyy", true},
		{"Smith", "Schmidt", false},
	}
	for _, tt := range tests {
		if got := sameName(tt.a, tt.b); got != tt.same {
			t.Errorf("sameName(%q, %q) = %v (keys %q, %q); want %v", tt.a, tt.b, got, phoneticKey(tt.a), phoneticKey(tt.b), tt.same)
		}
	}
}

func TestFoldHash(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Apple", "apple", true},
		{"WASHINGTON", "washington", true},
		{"Washingtons", "washington", false},
		{"sanctions", "sanction", false},
		{"abcdefgh", "ABCDEFGH", true},
		{"abcdefgh", "abcdefgi", false},
		{"Élan", "élan", true},
		{"a", "b", false},
		{"ab", "ba", false},
		{"abc", "axc", false},
		{"abcde", "abxde", false},
		{"abcdefghi", "abcdxfghi", false},
		{"abcdefghi", "abcdefghx", false},
		{"Internationalisation", "INTERNATIONALISATION", true},
		{"internationalisation", "internationalisatiom", false},
	}
	for _, tt := range tests {
		if got := foldHash(tt.a) == foldHash(tt.b); got != tt.same {
			t.Errorf("foldHash(%q) == foldHash(%q) is %v; want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

// TestResolvePlaces checks which place a name of several is taken for, by
// GeoNames id: what the text names around it decides.
func TestResolvePlaces(t *testing.T) {
	tests := []struct {
		text, name string
		want       int // GeoNames id
	}{
		{"PARIS, Texas — A storm tore through the town on Friday.", "Paris", 4717560}, // the dateline's region
		{"A storm hit Paris, Texas, on Friday.", "Paris", 4717560},                    // the region after it
		{"Crowds gathered in Paris on Friday.", "Paris", 2988507},                     // the capital, by default
		{"Israeli troops killed three Hamas militants in Gaza.", "Gaza", 281133},      // Hamas is Palestinian
		{"Fighting continued in Gaza.", "Gaza", 281133},                               // a city before a foreign province
		{"Fighting continued in Florida.", "Florida", 4155751},                        // a state before a foreign city
		{"Talks between Moscow and Washington resumed.", "Washington", 4140963},       // the capital before the state
		{"Wildfires spread across Washington and Oregon.", "Washington", 5815135},     // a state named with a state
		{"Floods hit Victoria, officials in Melbourne said.", "Victoria", 2145234},    // the state of the city named
		{"WASHINGTON, April 3 (Reuters) - The Federal Reserve held rates.", "Washington", 4140963},
	}
	for _, tt := range tests {
		var tk token.Tokenizer
		toks, sents := tk.Tokenize(tt.text)
		got := 0
		for _, e := range Find(tt.text, toks, sents) {
			if e.Name == tt.name && e.Geo != nil {
				got = e.Geo.GeoNamesID
			}
		}
		if got != tt.want {
			t.Errorf("Find(%q): %s = GeoNames %d; want %d", tt.text, tt.name, got, tt.want)
		}
	}
}
