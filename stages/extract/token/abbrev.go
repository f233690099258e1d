package token

import "strings"

// Classes of abbreviation, which decide whether the abbreviation's period
// may also end a sentence.
const (
	abbrNone   uint8 = iota // not an abbreviation: the period is a token
	abbrTitle               // before a name: never ends a sentence
	abbrOther               // ends a sentence only before a common opener
	abbrNumber              // an abbreviation only when a number follows ("No. 10")
)

// maxAbbrevLen is the length of the longest abbreviation below, so that
// longer words skip the lookup.
const maxAbbrevLen = 6

// abbrevClass returns the class of w, a word followed by a period. The
// match is exact: "Jan." is a month but "jan." is not, and lower-case
// words at the end of a sentence ("ill.", "mass.") are never mistaken for
// the abbreviations of US states. A switch on strings compiles to a binary
// search over lengths and bytes: no map, no allocation.
func abbrevClass(w string) uint8 {
	if len(w) > maxAbbrevLen {
		return abbrNone
	}
	switch w {
	// Titles and ranks, and their plurals: a name follows.
	case "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Drs", "Prof", "Profs",
		"Gen", "Gens", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Pres",
		"Lt", "Col", "Cols", "Capt", "Cpt", "Sgt", "Maj", "Adm", "Brig", "Cmdr",
		"Cdr", "Cpl", "Pvt", "Supt", "Det", "Insp", "Amb", "Atty", "Hon",
		"Rev", "Fr", "Msgr", "St", "Ste", "Mt", "Ft":
		return abbrTitle
	// Months.
	case "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
		"Nov", "Dec":
		return abbrOther
	// Companies, and suffixes of names: they may close a sentence.
	case "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Plc", "Jr", "Sr",
		"INC", "CORP", "LTD", "PLC", "BROS":
		return abbrOther
	// US states as AP style abbreviates them in datelines and text.
	case "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga",
		"Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss",
		"Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Vt", "Va",
		"Wash", "Wis", "Wyo":
		return abbrOther
	// Addresses, institutions and Latin.
	case "Ave", "Blvd", "Rd", "Dept", "Univ", "Assn", "Govt",
		"etc", "vs", "approx", "al", "cf", "Vs":
		return abbrOther
	// Numbered things: "No. 10", "Vol. 3", "Art. 5".
	case "No", "Nos", "Vol", "Art", "Fig", "Sec", "Ch", "pp":
		return abbrNumber
	}
	return abbrNone
}

// abbrev decides whether the period at s[end] belongs to the word
// s[start:end], which has the given number of letters, and returns the
// end of the token and its flags. The period stays out when another
// period follows: "etc..." ends with an ellipsis.
func abbrev(s string, start, end, letters int, f Flags) (int, Flags) {
	if end+1 < len(s) && s[end+1] == '.' {
		return end, f
	}
	if n, upper := letterAt(s, start); letters == 1 && n == end-start {
		// A single letter: the start of a dotted abbreviation ("U.S.",
		// "a.m.", "D.C.", "e.g."), or an initial.
		k, uppers := end+1, 0
		if upper {
			uppers = 1
		}
		for {
			n, up := letterAt(s, k)
			if n == 0 || k+n >= len(s) || s[k+n] != '.' {
				break
			}
			letters++
			if up {
				uppers++
			}
			k += n + 1
		}
		switch {
		case letters > 1:
			if uppers == letters {
				f |= AllUpper
			}
			return k, f | Abbrev
		case upper:
			return end + 1, f | Abbrev | Initial
		}
		return end, f
	}
	if end-start > maxAbbrevLen {
		return end, f
	}
	w := s[start:end]
	if w == "Ph" && strings.HasPrefix(s[end+1:], "D.") {
		// The one common dotted abbreviation with a longer part.
		return end + 3, f | Abbrev
	}
	switch abbrevClass(w) {
	case abbrTitle:
		return end + 1, f | Abbrev | Title
	case abbrOther:
		return end + 1, f | Abbrev
	case abbrNumber:
		if isDigitAt(s, end+1) || end+2 < len(s) && s[end+1] == ' ' && isDigitAt(s, end+2) {
			return end + 1, f | Abbrev
		}
	}
	return end, f
}
