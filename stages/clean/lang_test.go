package clean

import (
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
)

// langSamples are short news paragraphs, one per language, written for
// these tests.
var langSamples = []struct{ code, text string }{
	{"en", "The city council approved the new budget on Tuesday after a long debate. Officials said the plan would pay for schools and repair roads over the next two years."},
	{"de", "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen. Mit dem Geld sollen vor allem Schulen und Straßen saniert werden, sagte ein Sprecher der Verwaltung."},
	{"fr", "Le conseil municipal a adopté mardi le nouveau budget après un long débat. Selon les responsables, ce plan doit financer les écoles et la réfection des routes pendant deux ans."},
	{"es", "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate. Según los responsables, el plan servirá para financiar las escuelas y reparar las carreteras durante los próximos dos años."},
	{"pt", "A câmara municipal aprovou na terça-feira o novo orçamento depois de um longo debate. Segundo os responsáveis, o plano vai financiar as escolas e a reparação das estradas nos próximos dois anos."},
	{"it", "Il consiglio comunale ha approvato martedì il nuovo bilancio dopo un lungo dibattito. Secondo i funzionari, il piano servirà a finanziare le scuole e a riparare le strade nei prossimi due anni."},
	{"nl", "De gemeenteraad heeft dinsdag na een lang debat de nieuwe begroting goedgekeurd. Volgens de ambtenaren is het geld vooral bedoeld voor scholen en het herstel van wegen in de komende twee jaar."},
	{"sv", "Kommunfullmäktige godkände på tisdagen den nya budgeten efter en lång debatt. Enligt tjänstemännen ska pengarna gå till skolor och till att laga vägar under de kommande två åren."},
	{"da", "Byrådet vedtog tirsdag det nye budget efter en lang debat. Ifølge embedsmændene skal pengene især bruges på skoler og på at reparere veje i de kommende år, og det blev meget godt modtaget."},
	{"no", "Bystyret vedtok tirsdag det nye budsjettet etter en lang debatt. Ifølge tjenestemennene skal pengene særlig brukes på skoler og på å reparere veier de neste årene, og det ble mye diskutert."},
	{"fi", "Kaupunginvaltuusto hyväksyi tiistaina uuden talousarvion pitkän keskustelun jälkeen. Virkamiesten mukaan rahat käytetään ennen kaikkea kouluihin ja teiden korjaamiseen, mutta kaikki eivät ole tyytyväisiä."},
	{"pl", "Rada miasta przyjęła we wtorek nowy budżet po długiej debacie. Według urzędników pieniądze zostaną przeznaczone przede wszystkim na szkoły i remont dróg, ale nie wszyscy są zadowoleni."},
	{"cs", "Městské zastupitelstvo v úterý po dlouhé debatě schválilo nový rozpočet. Podle úředníků budou peníze určeny především na školy a opravy silnic, ale ne všichni jsou spokojeni."},
	{"ro", "Consiliul local a aprobat marți noul buget după o dezbatere lungă. Potrivit oficialilor, banii vor fi folosiți mai ales pentru școli și pentru repararea drumurilor în următorii doi ani."},
	{"tr", "Belediye meclisi salı günü uzun bir tartışmanın ardından yeni bütçeyi onayladı. Yetkililere göre para özellikle okullar ve yolların onarımı için kullanılacak, ancak herkes bu karardan memnun değil."},
	{"id", "Dewan kota menyetujui anggaran baru pada hari Selasa setelah perdebatan yang panjang. Menurut para pejabat, dana tersebut akan digunakan untuk sekolah dan perbaikan jalan dalam dua tahun ke depan."},
	{"hu", "A városi közgyűlés kedden hosszú vita után elfogadta az új költségvetést. A tisztviselők szerint a pénzt elsősorban az iskolákra és az utak felújítására fordítják a következő két évben."},
	{"ru", "Городской совет во вторник после долгих обсуждений утвердил новый бюджет. По словам чиновников, деньги будут направлены прежде всего на школы и ремонт дорог, но не все этим довольны."},
	{"uk", "Міська рада у вівторок після тривалого обговорення затвердила новий бюджет. За словами посадовців, гроші підуть передусім на школи та ремонт доріг, але не всі цим задоволені."},
	{"bg", "Общинският съвет одобри във вторник новия бюджет след дълго обсъждане. Според служителите парите ще бъдат използвани преди всичко за училища и за ремонт на пътища през следващите две години."},
	{"sr", "Градско веће је у уторак после дуге расправе усвојило нови буџет. Према речима званичника, новац ће бити уложен пре свега у школе и поправку путева, али нису сви задовољни."},
	{"ar", "وافق المجلس البلدي يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل. وقال المسؤولون إن الأموال ستخصص في المقام الأول للمدارس وإصلاح الطرق خلال العامين المقبلين."},
	{"fa", "شورای شهر روز سه\u200cشنبه پس از بحثی طولانی بودجه جدید را تصویب کرد. به گفته مسئولان، این پول بیشتر برای مدارس و تعمیر جاده\u200cها در دو سال آینده هزینه می\u200cشود."},
	{"ur", "سٹی کونسل نے منگل کو طویل بحث کے بعد نئے بجٹ کی منظوری دے دی۔ حکام کے مطابق یہ رقم زیادہ تر اسکولوں اور سڑکوں کی مرمت پر خرچ کی جائے گی۔"},
	{"hi", "नगर परिषद ने मंगलवार को लंबी बहस के बाद नए बजट को मंज़ूरी दे दी। अधिकारियों के अनुसार यह पैसा मुख्य रूप से स्कूलों और सड़कों की मरम्मत पर खर्च किया जाएगा।"},
	{"el", "Το δημοτικό συμβούλιο ενέκρινε την Τρίτη τον νέο προϋπολογισμό μετά από μακρά συζήτηση."},
	{"he", "מועצת העיר אישרה ביום שלישי את התקציב החדש לאחר דיון ארוך."},
	{"ko", "시의회는 화요일 긴 논의 끝에 새 예산을 승인했다."},
	{"ja", "市議会は火曜日、長い議論の末に新しい予算を承認した。"},
	{"zh", "市议会周二经过长时间辩论后批准了新预算。"},
	{"th", "สภาเมืองอนุมัติงบประมาณใหม่เมื่อวันอังคารหลังจากการอภิปรายอันยาวนาน"},
	{"ka", "ქალაქის საბჭომ სამშაბათს ახალი ბიუჯეტი დაამტკიცა."},
	{"hy", "Քաղաքային խորհուրդը երեքշաբթի օրը հաստատեց նոր բյուջեն։"},
}

func TestDetectLanguage(t *testing.T) {
	for _, tt := range langSamples {
		t.Run(tt.code, func(t *testing.T) {
			text := cleanText(t, tt.text)
			code, conf := detectLanguage(text)
			if code != tt.code || conf <= 0 || conf > 1 {
				t.Errorf("detectLanguage(%q) = %q, %v; want %q with a confidence in (0, 1]", text, code, conf, tt.code)
			}
		})
	}
}

func TestDetectLanguageEnglishConfidence(t *testing.T) {
	for _, text := range []string{langSamples[0].text, cleanText(t, seedBody(t)), article3KB(t)} {
		if code, conf := detectLanguage(text); code != "en" || conf < 0.9 {
			t.Errorf("detectLanguage(%.40q...) = %q, %v; want \"en\" with confidence at least 0.9", text, code, conf)
		}
	}
}

func TestDetectLanguageUndetermined(t *testing.T) {
	for _, text := range []string{
		"",
		"1234 5678",
		"!!! ??? ...",
		"\U0001F600\U0001F600",
		"Xqzt vrrp klomb",                      // Latin letters, no stop words
		"the",                                  // one hit
		"\u0928\u092e\u0938\u094d\u0924\u0947", // Devanagari, no stop word
	} {
		if code, conf := detectLanguage(text); code != undetermined || conf != 0 {
			t.Errorf("detectLanguage(%q) = %q, %v; want \"und\", 0", text, code, conf)
		}
	}
}

func TestPrimaryLanguage(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"en", "en", true},
		{"EN", "en", true},
		{"en-GB", "en", true},
		{"pt_BR", "pt", true},
		{" fr ", "fr", true},
		{"eng", "en", true},
		{"ger", "de", true},
		{"nb", "no", true},
		{"nb-NO", "no", true},
		{"iw", "he", true},
		{"gsw", "gsw", true},
		{"und", "und", true},
		{"", "", false},
		{"e", "", false},
		{"engl", "", false},
		{"e1", "", false},
		{"é", "", false},
		{"-en", "", false},
		{"english", "", false},
	}
	for _, tt := range tests {
		got, ok := primaryLanguage(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("primaryLanguage(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// sampleText returns the sample sentences of language code.
func sampleText(t *testing.T, code string) string {
	t.Helper()
	for _, s := range langSamples {
		if s.code == code {
			return s.text
		}
	}
	t.Fatalf("no sample of %q", code)
	return ""
}

func TestProcessLanguage(t *testing.T) {
	english := langSamples[0].text
	tests := []struct {
		name      string
		doc       pipeline.Doc
		want      event.Language
		wantWarns int
	}{
		{"declared", pipeline.Doc{Body: english, InputLanguage: "en-US"}, event.Language{Code: "en", Confidence: 1, Method: "input"}, 0},
		{"declared wins over text", pipeline.Doc{Body: english, InputLanguage: "de"}, event.Language{Code: "de", Confidence: 1, Method: "input"}, 0},
		{"invalid declared", pipeline.Doc{Body: english, InputLanguage: "English"}, event.Language{Code: "en", Method: "detected"}, 1},
		{"und declared", pipeline.Doc{Body: english, InputLanguage: "und"}, event.Language{Code: "en", Method: "detected"}, 0},
		{"html lang", pipeline.Doc{Body: `<html lang="fr-CA"><p>` + sampleText(t, "fr"), ContentType: "text/html"}, event.Language{Code: "fr", Confidence: 1, Method: "html"}, 0},
		{"html lang contradicted", pipeline.Doc{Body: `<html lang="fr-CA"><p>` + english, ContentType: "text/html"}, event.Language{Code: "en", Method: "detected"}, 1},
		{"declared wins over html", pipeline.Doc{Body: `<html lang="fr"><p>` + english, InputLanguage: "en"}, event.Language{Code: "en", Confidence: 1, Method: "input"}, 0},
		{"too few words", pipeline.Doc{Body: "Hello there"}, event.Language{Code: "und", Method: "detected"}, 0},
	}
	s := newStage(t, DefaultConfig())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.doc
			if err := s.Process(t.Context(), &d); err != nil {
				t.Fatal(err)
			}
			got := d.Language
			// A detected confidence is checked elsewhere: here only that
			// it is one.
			if tt.want.Method == "detected" && tt.want.Code != undetermined {
				tt.want.Confidence = got.Confidence
				if got.Confidence <= 0 {
					t.Errorf("Process(%.30q).Language.Confidence = %v; want > 0", d.Body, got.Confidence)
				}
			}
			if got != tt.want {
				t.Errorf("Process(%.30q, language %q).Language = %+v; want %+v", d.Body, tt.doc.InputLanguage, got, tt.want)
			}
			if len(d.Warnings) != tt.wantWarns {
				t.Errorf("Process(%.30q, language %q).Warnings = %v; want %d", d.Body, tt.doc.InputLanguage, d.Warnings, tt.wantWarns)
			}
		})
	}
}

func TestParseModel(t *testing.T) {
	m, err := parseModel(stopwordsData)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.codes) != 25 {
		t.Errorf("parseModel(stopwords.txt) has %d languages %v; want 25", len(m.codes), m.codes)
	}
	for _, bad := range []string{
		"en klingon\n\tthe\n",
		"\tthe\n",
		"en latin\n\tThe\n",
		"en latin\n\tletters: ab\n",
		"en latin\n\tletters: \u4e00\n",
		"en latin\n\t" + strings.Repeat("a", maxWordBytes+1) + "\n",
		"en latin\n\tdon't\n",
		"en latin\n\te\u0301\n",
	} {
		if _, err := parseModel(bad); err == nil {
			t.Errorf("parseModel(%q) = nil error; want an error", bad)
		}
	}
}

func TestWordSet(t *testing.T) {
	m := model
	var w [maxWordBytes]byte
	for _, tt := range []struct {
		word string
		in   bool
	}{
		{"the", true}, {"The", true}, {"THE", true}, {"they", true}, {"thee", false},
		{"a", true}, {"b", false}, {"enligt", true}, {"tarafından", true}, {"überhaupt", false},
	} {
		set := m.words.get(w[:copy(w[:], strings.ToLower(tt.word))])
		if (set != 0) != tt.in {
			t.Errorf("words.get(%q) = %b; want in set %v", tt.word, set, tt.in)
		}
		if isASCII(tt.word) {
			if got := m.words.getASCII(tt.word); got != set {
				t.Errorf("words.getASCII(%q) = %b; want %b", tt.word, got, set)
			}
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
