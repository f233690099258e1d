package main

import (
	"fmt"
	"strings"
)

// correction rewrites a line of a dictionary that is malformed as
// published, or drops it (now ""), with the reason. Every other malformed
// line is an error. A line that no longer reads as was fails generation,
// so that a changed dictionary is looked at again.
type correction struct {
	file     string
	line     int
	was, now string
	why      string
}

const (
	countries     = "Phoenix.Countries.actors.txt"
	international = "Phoenix.International.actors.txt"
	agentsFile    = "Phoenix.agents.txt"
)

// corrections of the Phoenix dictionaries (petrarch2 @676801c).
var corrections = []correction{
	// Characters that are not text: a lost accent, U+FFFD, Cyrillic.
	{countries, 745, "LIAMINE_Z\x1aROUAL_  # CountryInfo.txt", "LIAMINE_ZEROUAL_", "control character for a lost É"},
	{countries, 12159, "JAN_STRASK\x1aY  # CountryInfo.txt", "JAN_STRASKY_", "control character for a lost Ý"},
	{countries, 11234, "+COTE_D\uFFFDIVOIRE_", "+COTE_D'IVOIRE_", "U+FFFD for the apostrophe"},
	{countries, 34471, "+NIG\uFFFDERIA_", "+NIGERIA_", "U+FFFD in a spelling of Nigeria"},
	{countries, 47824, "+FUA\uFFFDAMOTU_", "+FUAAMOTU_", "U+FFFD for the ʻokina of Fuaʻamotu"},
	{countries, 45795, "+\u1E24ARAKAT_AL-'IDALAT_WAL-BANA'A_FI_SURIYAH_", "+HARAKAT_AL-'IDALAT_WAL-BANA'A_FI_SURIYAH_",
		"Ḥ of a transliteration, outside the Latin letters folded"},
	{countries, 39244, "+СССР", "", "Cyrillic: no ASCII token ever matches it"},
	{agentsFile, 815, "!MINIST! DE_OBRAS_P\u00c3\u0160BLICAS_SERVICIOS_Y_VIVIENDA [~GOV]",
		"!MINIST! DE_OBRAS_PUBLICAS_SERVICIOS_Y_VIVIENDA [~GOV]", "mojibake of Ú (UTF-8 read as Windows-1252)"},
	{countries, 15346, "+FAEROYENE]_", "+FAEROYENE_", "a stray ]"},

	// Dates that are not YYMMDD or YYYYMMDD, or that end before they
	// start; what PETRARCH's reader makes of them is noted.
	{countries, 2039, "\t[ARMUNR 9008223-911221]", "\t[ARMUNR 900823-911221]",
		"a doubled digit; the role before ends <900823 (PETRARCH: a date error voids the actor)"},
	{countries, 14190, "\t[EGYGOV 20121207-20120802] # PM pt. 2", "\t[EGYGOV 20111207-20120802]",
		"Ganzouri's second term as prime minister began on 2011-12-07, not 2012"},
	{countries, 18010, "\t[GBRGOV >201005011]", "\t[GBRGOV >20100511]",
		"Cameron became prime minister on 2010-05-11 (PETRARCH reads the first 8 digits, 20100501)"},
	{countries, 22508, "\t[IRQOCC 1920030320-20060520]", "\t[IRQOCC 20030320-20060520]",
		"a stray 19 (PETRARCH reads 19200303)"},
	{countries, 22519, "\t[IRQOCC 1920030320-20060520]", "\t[IRQOCC 20030320-20060520]",
		"a stray 19 (PETRARCH reads 19200303)"},
	{countries, 43613, "\t[SDNSSDAUT 1920050709-20110709]", "\t[SDNSSDAUT 20050709-20110709]",
		"a stray 19; the role before ends <20050709"},
	{countries, 31715, "\t[MNEGOV 20121204]", "\t[MNEGOV >20121204]", "a date with no < or >: Đukanović took office on it"},
	{countries, 51384, "\t[USAGOV 19820101] # entered Foreign Service", "\t[USAGOV >19820101]",
		"a date with no < or >: the comment says from then on"},
	{international, 40, "\t[KORGOVBUS 2004017-20061201]", "\t[KORGOVBUS 20040117-20061201]",
		"a lost digit: Ban Ki-moon was foreign minister from 2004-01-17"},

	// Codes that contradict each other, or that belong to no name.
	{countries, 38440, "\t[PRTELI 570101-000101]", "", "codes of a head whose name is lost (line 38439 holds only a comment): " +
		"PETRARCH gives them to JORGE_SAMPAIO_, whose default shadows them"},
	{countries, 38441, "\t[PRTGOV >060309]", "", "as line 38440"},
	{countries, 38442, "\t[PRTELI]", "", "as line 38440"},
	{international, 90, "MICHELE_MONTAS_\t[HTIOPPMED <061231] [IGOUNOMED]\t[---] #MleH 06 Jul 2009# NGO_Actors",
		"MICHELE_MONTAS_\t[HTIOPPMED <061231] [IGOUNOMED]", "a second default [---] after [IGOUNOMED]"},
	{international, 495, "\t[IGOGOE]", "", "a second default of GROUP_OF_EIGHT_ [IGOBUSGOE]; PETRARCH's reader takes the first"},

	// Heads with no code at all.
	{international, 22, "U.N._", "U.N._ [IGOUNO]", "the code of the two lines above, also names of the UN"},
	{countries, 50802, "UNITED_STATES_DEPARTMENT_OF_HOUSING_AND_URBAN_DEVELOPMENT_",
		"UNITED_STATES_DEPARTMENT_OF_HOUSING_AND_URBAN_DEVELOPMENT_ [USAGOV]", "no code; the departments around it are USAGOV"},
	{countries, 50839, "UNITED_STATES_DEPARTMENT_OF_VETERANS_AFFAIRS_",
		"UNITED_STATES_DEPARTMENT_OF_VETERANS_AFFAIRS_ [USAGOV]", "no code; the departments around it are USAGOV"},
	{countries, 45722, "MUHAJIRIN_WA-ANSAR_ALLIANCE", "MUHAJIRIN_WA-ANSAR_ALLIANCE [SYRREBMUS]",
		"one of four Syrian groups listed before the one code they share"},
	{countries, 45723, "SARAYAT_AL-QUDS", "SARAYAT_AL-QUDS [SYRREBMUS]", "as line 45722"},
	{countries, 45724, "JUND_AL_AQSA", "JUND_AL_AQSA [SYRREBMUS]", "as line 45722"},
	{international, 266, "JOHN_J MCCLOY_", "JOHN_J_MCCLOY_\t[IGOUNODEVWBK 470301-490630]", "the code of the next line, the same man"},

	// Notes written without "#".
	{international, 3694, "Source: MNC.MLH.actors", "", "a note, not an actor"},
	{international, 3696, "A.H._BELO_CORPORATION_\t[MNCMED]\tNewspapers/Magazines\t$137,000,000",
		"A.H._BELO_CORPORATION_\t[MNCMED]", "a note after the code"},
	{international, 3726, "ACCRETIVE_HEALTH_INC_\t[MNCHLH]\tOther Consumer Services\t$991,000,000",
		"ACCRETIVE_HEALTH_INC_\t[MNCHLH]", "a note after the code"},
	{international, 6605, "ORTHOFIX_INTERNATIONAL_\t[MNCNLD] Antilles\tMedical/Dental Instruments\t$503,000,000",
		"ORTHOFIX_INTERNATIONAL_\t[MNCNLD]", "a note after the code"},

	// Agents.
	{agentsFile, 544, "DEPARMENT_OF_ENVIRONMENT [~ENV}", "DEPARMENT_OF_ENVIRONMENT [~ENV]", "} for ]"},
	{agentsFile, 1927, "ISLAMIC_EXTREMIST", "", "no code (PETRARCH skips the line)"},
	{agentsFile, 904, "!MINIST! FOR_PUBLIC_SERVICE_AND_AD!MINIST!RATIVE_REFORM [~GOVDEV]",
		"!MINIST! FOR_PUBLIC_SERVICE_AND_ADMINISTRATIVE_REFORM [~GOVDEV]", "MINIST of ADMINISTRATIVE taken for the marker"},
	{agentsFile, 925, "!MINIST! FOR_TERRITORIAL_AD!MINIST!RATION [~GOV]",
		"!MINIST! FOR_TERRITORIAL_ADMINISTRATION [~GOV]", "as line 904"},
	{agentsFile, 930, "!MINIST! FOR_THE_FINANCE_AD!MINIST!RATION [~GOV]",
		"!MINIST! FOR_THE_FINANCE_ADMINISTRATION [~GOV]", "as line 904"},
	{agentsFile, 1041, "!MINIST! OF_PUBLIC_SERVICE_AND_AD!MINIST!RATIVE_REFORM [~GOVDEV]",
		"!MINIST! OF_PUBLIC_SERVICE_AND_ADMINISTRATIVE_REFORM [~GOVDEV]", "as line 904"},
	{agentsFile, 1065, "!MINIST! OF_TERRITORIAL_AD!MINIST!RATION [~GOV]",
		"!MINIST! OF_TERRITORIAL_ADMINISTRATION [~GOV]", "as line 904"},
	{agentsFile, 1069, "!MINIST! OF_THE_FINANCE_AD!MINIST!RATION [~GOV]",
		"!MINIST! OF_THE_FINANCE_ADMINISTRATION [~GOV]", "as line 904"},
}

// synonymLines are head lines of Phoenix.Countries.actors.txt that name
// the entry above them and are written without "+": each follows a head
// with no code, and the codes after them are those of one person or body
// ("LEONID_BREZHNEV_", "LEONID_ILYICH_BREZHNEV", …, then Brezhnev's
// roles). As heads, PETRARCH gives all but the last no code at all.
var synonymLines = []int{
	11940, 11941, // Ivo Josipović
	39271,                      // the Communist Party of the Soviet Union
	39463, 39464, 39465, 39466, // Leonid Brezhnev
	39487, 39488, 39489, 39490, 39491, // Mikhail Gorbachev
	39499,                                                  // Vladimir Ivashko
	39544, 39545, 39546, 39547, 39548, 39549, 39550, 39551, // Boris Yeltsin
	39585,                                    // Dmitry Medvedev
	43616,                                    // the Sudan People's Liberation Movement
	45846,                                    // Ghuraba al-Sham
	50961, 50962, 50963, 50964, 50965, 50966, // Gerald Ford
	51080, // the US vice-president
	51184, // the US secretary of state
}

// correct applies the corrections of file (a base name) to its text,
// keeping the line count so that errors name the published lines.
func correct(file, text string) (string, error) {
	lines := strings.Split(text, "\n")
	var errs []string
	fix := func(n int, was, now string) {
		if n < 1 || n > len(lines) {
			errs = append(errs, fmt.Sprintf("%s:%d: correction past the end", file, n))
			return
		}
		got := strings.TrimRight(lines[n-1], " \t\r")
		if got != strings.TrimRight(was, " \t") {
			errs = append(errs, fmt.Sprintf("%s:%d: correction no longer applies: line is %q, not %q", file, n, got, was))
			return
		}
		lines[n-1] = now
	}
	for _, c := range corrections {
		if c.file == file {
			fix(c.line, c.was, c.now)
		}
	}
	if file == countries {
		for _, n := range synonymLines {
			if n < 1 || n > len(lines) {
				errs = append(errs, fmt.Sprintf("%s:%d: synonym line past the end", file, n))
				continue
			}
			s := lines[n-1]
			if s == "" || strings.ContainsAny(s[:1], "+[ \t#") {
				errs = append(errs, fmt.Sprintf("%s:%d: synonym line is not a head: %q", file, n, s))
				continue
			}
			fix(n, s, "+"+s)
		}
	}
	if len(errs) > 0 {
		return "", fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return strings.Join(lines, "\n"), nil
}
