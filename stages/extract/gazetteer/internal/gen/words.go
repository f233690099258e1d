package main

import "strings"

// The common English words, in two tiers. There is no dictionary among the
// corpora, so the list is curated: the function words and the most frequent
// content words of English news, 892 in all (214 stop words), written from
// general knowledge of English word frequency.
//
// A name equal to a stop word, written in lower case or capitalised ("Of",
// "The", "May", "Will"), is never a key: a capitalised "May" opens
// sentences far more often than it names a place (Of, Turkey, is a city of
// 32,000). A name equal to a common word is kept when it is the main name
// of a place or a curated entry ("Reading", "Mobile", "Nice", "Split") and
// reported by CommonWord so that the caller can ask for more evidence; as
// an alternate name (GeoNames lists "Bath" or "Police" for places in other
// languages) or a name derived from PETRARCH it is dropped.
var stopWords = words(`
a about above across after again against ago all almost along already also although always am among an and
another any anybody anyone anything are around as at away be because been before behind being below beside
besides between beyond both but by can cannot could did do does doing done down during each either else
enough ever every everybody everyone everything for from further had has have having he her here hers
herself him himself his how however i if in inside instead into is it its itself just least less lest
like many may me might mine more most much must my myself neither never nevertheless no nobody none nor not
nothing now of off often on once one only onto or other others otherwise ought our ours ourselves out over
own per perhaps quite rather same shall she should since so some somebody someone something sometimes soon
still such than that the their theirs them themselves then there therefore these they this those though
through throughout thus till to too toward towards under unless until unto up upon us very via was we well
were what whatever when whenever where wherever whether which while who whoever whole whom whose why will
with within without would yet you your yours yourself yourselves
`)

var commonWords = words(`
gulf bay valley desert highlands lowlands plains
able accept according account act action add added age agree agreed ahead aid air allow allowed almost alone
answer appear area argue arm army art ask asked attack average back bad bank base bath battle bear beat become
began begin believe best better big bill black blood blue board body book border born bring brought build
building built business buy call called came camp capital car care carry case cause center central centre
chance change charge check child children choice church city civil claim class clear close coast cold come
coming common community company complete concern condition congress consider continue control cost country
county course court cover crime crisis cross cut dark data date day dead deal death decide decision deep
defense defence democracy department despite development die different difficult direct director doctor dog
door draw dream drive drop due early east eastern economic economy edge education effect effort eight
election else end energy enjoy enter entire environment even evening event evidence exactly example expect
experience explain eye face fact fair fall family far fast father fear federal feel few field fight figure
fill final finally financial find fine fire firm first fish five floor fly follow food foot force foreign
forest form former forward four free friend front full fund future game gas general get girl give given glass
go goal god going gold good got government great green ground group grow growth guard gun guy hair half hall
hand hang happen happy hard head health hear heart heat heavy held help high hill history hit hold home hope
hospital hot hotel hour house huge human hundred idea image important include including increase industry
information interest international island issue job join judge keep key kid kill kind king know knowledge
labor labour lake land language large last late later law lay lead leader learn leave left leg let letter
level lie life light likely line list listen little live local long look lose loss lost lot love low lower
made main major make man manage manager market marriage matter mean measure media meet meeting member memory
mention message middle military million mind minister minute miss mission mobile model modern moment money
month morning mother mountain mouth move movement music name nation national natural nature near nearly
necessary need network new news next nice night nine north northern note number oil old open operation order
organization paper parent park part party pass past patient pay peace people period person phone pick
picture piece place plan plant play player point police policy political poor popular population position
possible post power president press pressure pretty price prime private problem process produce product
program project protect prove provide public pull purpose push put question quickly race radio raise range
rate reach read reading ready real reason receive record red reduce region remain report republic research
rest result return right rise risk river road rock role room rule run safe said save say school science sea
season seat second security see seek seem sell send senior sense series serve service set seven several
shake share shoot short shot show side sign simple single sister sit site situation six size skill small
smile social society soldier son sound south southern space speak special split sport spring staff stage
stand standard star start state station stay step stock stone stop store story street strong student study
style subject success suddenly summer sun support sure surface system table take talk task tax teach teacher
team tell ten term test thank theory thing think third thousand threat three time today together top total
tough town trade train travel treat tree trial trip trouble true trust truth try turn twenty two type union
unit united upper use usually value victory view village visit voice vote wait walk wall want war watch water
way weapon wear week west western white wide wife win wind window winter wish woman women wonder word work
worker world worry write wrong yard yeah year young youth
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
`)

// institutionWords mark an organisation: a PETRARCH entry whose name holds
// one of them is an institution, not a person, whatever its codes say.
var institutionWords = words(`
academy action administration agency alliance army assembly association authority bank bloc board brigade
brigades bureau cabinet camp caucus center centre chamber church college command commission committee
community company confederation conference congress corp corporation corps council court directorate
division embassy faction federation force forces foundation front fund government group guard guards
holdings hospital house inc industries institute institution intelligence international junta league
legion ltd military militia ministry mission movement national navy network office organisation
organization parliament partnership party plc police program programme project regime republic school
secretariat senate service services society squad station students synod tribunal trust union unit units
university state soviet observatory rights human nations liberation revolutionary islamic democratic workers
popular fighters resistance campaign initiative cells commando jihad brotherhood panel club relief
solidarity freedom development people's peoples
`)

// honorifics are titles that PETRARCH writes before names and that are not
// agents, civil and clerical: they are stripped ("MR_OBAMA_" is "Obama",
// "HOJATOLISLAM_SAYYED_ALI_KHAMENEI_" "Ali Khamenei").
var honorifics = words(`
mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady sen. rep. gov. gen. col. lt. capt. maj. adm. sgt. prof.
president-elect premier-elect hojatolislam hojatoleslam sayyed sayyid seyed seyyed mullah maulana mawlawi
`)

// modifiers qualify a title ("FORMER_PRESIDENT_", "EX-SOVIET_") and are
// stripped with it.
var modifiers = words(`
former ex the late acting interim then new outgoing incoming deputy vice first current
`)

// particles are written in lower case inside a person's name ("Bashar
// al-Assad", "Osama bin Laden", "Ursula von der Leyen"); "al" and "el"
// followed by a word are joined to it with a hyphen.
var particles = words(`
al el bin bint ibn de da di du del della der den van von la le dos das do y ter ten zu af
`)

// royalTitles are kept at the head of a name when stripping them would
// leave a lone first name: "KING_ABDULLAH" is "King Abdullah".
var royalTitles = words(`
king queen prince princess emir sheikh sultan pope crown ayatollah grand
`)

// nameLowerWords are the lower-case words a multi-word alternate place name
// may hold ("Rio de Janeiro", "Stratford-upon-Avon"); an alternate with any
// other lower-case word ("Lungsod ng Paris") is a phrase of another
// language and is dropped.
var nameLowerWords = words(`
de la le les del della dei di da das do dos du des der den am an im in on upon of the and y e et sur sous en
al el bin
`)

// regionAffixes are the generic words of admin-1 names; a region is also
// found without them ("Voronezh Oblast" as "Voronezh", "Lagos State" as
// "Lagos"), unless what is left is a common word.
var regionSuffixes = []string{
	" Autonomous Okrug", " Autonomous Oblast", " Autonomous Region", " Special Administrative Region",
	" Oblast'", " Oblast’", " Oblast", " oblast", " Krai", " Kray", " kraj", " Republic", " Province",
	" Region", " Governorate", " Prefecture", " District", " County", " State", " Department",
	" Municipality", " Voivodeship", " Division", " City", " Parish",
}

var regionPrefixes = []string{
	"Republic of ", "Province of ", "State of ", "Autonomous Republic of ", "City of ",
}

func words(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
