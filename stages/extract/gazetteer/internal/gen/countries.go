package main

// Curated country knowledge, from general knowledge of English usage.

// countryNames replaces a GeoNames country name that news does not use as
// the canonical one: countryInfo writes "The Netherlands" with its article.
var countryNames = map[string]string{
	"NL": "Netherlands",
}

// countryVariants are the other names English news gives countries: short
// and long forms, abbreviations, former and local names still in use.
// "Congo" alone is given to both Congos (the Democratic Republic, far more
// populous and more often in the news, ranks first). Names of
// organisations ("EU") are not countries and are in orgs.go.
var countryVariants = map[string][]string{
	"AE": {"UAE", "U.A.E.", "United Arab Emirates"},
	"AG": {"Antigua"},
	"AX": {"Åland", "Åland Islands"},
	"BA": {"Bosnia", "Bosnia-Herzegovina", "Bosnia & Herzegovina"},
	"BL": {"Saint Barthélemy", "St. Barts", "St Barts"},
	"BN": {"Brunei Darussalam"},
	"BS": {"The Bahamas"},
	"CD": {"DR Congo", "D.R. Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo"},
	"CG": {"Republic of Congo", "Congo-Brazzaville", "Congo"},
	"CI": {"Côte d'Ivoire", "Cote d'Ivoire"},
	"CN": {"People's Republic of China", "PRC"},
	"CV": {"Cape Verde"},
	"CW": {"Curaçao"},
	"CZ": {"Czech Republic"},
	"DE": {"Federal Republic of Germany"},
	"FK": {"Falklands", "Malvinas"},
	"FM": {"Federated States of Micronesia"},
	"GB": {"U.K.", "UK", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"},
	"GM": {"The Gambia"},
	"IE": {"Republic of Ireland", "Éire"},
	"IR": {"Islamic Republic of Iran"},
	"KN": {"St. Kitts and Nevis", "St Kitts and Nevis", "Saint Kitts"},
	"KP": {"DPRK", "Democratic People's Republic of Korea", "N. Korea"},
	"KR": {"Republic of Korea", "ROK", "S. Korea"},
	"LA": {"Lao PDR", "Lao People's Democratic Republic"},
	"LC": {"St. Lucia", "St Lucia"},
	"MD": {"Republic of Moldova"},
	"MF": {"St. Martin"},
	"MK": {"Macedonia", "Republic of North Macedonia"},
	"MM": {"Burma"},
	"MO": {"Macau"},
	"NL": {"The Netherlands", "Holland", "Kingdom of the Netherlands"},
	"PM": {"St. Pierre and Miquelon"},
	"PS": {"Palestine", "State of Palestine", "Palestinian Territories", "Palestinian territories", "Occupied Palestinian Territories"},
	"RE": {"Réunion"},
	"RU": {"Russian Federation"},
	"SA": {"Kingdom of Saudi Arabia", "KSA"},
	"SH": {"St. Helena"},
	"ST": {"São Tomé and Príncipe", "Sao Tome"},
	"SY": {"Syrian Arab Republic"},
	"SZ": {"Swaziland"},
	"TL": {"East Timor", "Timor-Leste"},
	"TR": {"Türkiye", "Turkiye"},
	"TT": {"Trinidad"},
	"TW": {"Republic of China", "Chinese Taipei"},
	"TZ": {"United Republic of Tanzania"},
	"US": {"U.S.", "US", "U.S.A.", "USA", "America", "United States of America"},
	"VA": {"Holy See", "Vatican City"},
	"VC": {"St. Vincent and the Grenadines", "Saint Vincent"},
	"VI": {"US Virgin Islands", "United States Virgin Islands"},
	"VN": {"Viet Nam"},
}

// cameoCountries maps the CAMEO country codes that are not ISO 3166-1
// alpha-3 codes (every other CAMEO country code is) to ISO2. Former states
// map to the successor that news names for them: an actor coded for the
// Soviet Union is Russian, one of East Germany German, of Yugoslavia
// Serbian. Czechoslovakia (CSK) has no single successor and Kinakuta (KNT),
// a country invented for PETRARCH's tests, none at all: they map nowhere.
var cameoCountries = map[string]string{
	"TMP": "TL", // East Timor
	"KSV": "XK", // Kosovo
	"ROM": "RO", // Romania, former ISO code
	"DDR": "DE",
	"SUN": "RU",
	"USR": "RU",
	"YUG": "RS",
	"FRY": "RS",
	"SCG": "RS",
	"ZAR": "CD", // Zaire
}

// demonyms are the nationality adjectives and nouns of countries, with
// their plurals; a trailing "+" adds the plural in -s ("Russian+" is
// "Russian" and "Russians"). "Korean" is South Korean and "Congolese" is of
// the Democratic Republic, as news uses them unqualified; "English",
// "Scottish" and "Welsh" are British. Nationality words shared by several
// states ("Arab", "Kurdish", "Basque", "Jewish", "Latino") are left out.
var demonyms = map[string][]string{
	"AD": {"Andorran+"}, "AE": {"Emirati+"}, "AF": {"Afghan+"}, "AG": {"Antiguan+"}, "AL": {"Albanian+"},
	"AM": {"Armenian+"}, "AO": {"Angolan+"}, "AR": {"Argentine+", "Argentinian+"}, "AT": {"Austrian+"},
	"AU": {"Australian+", "Aussie+"}, "AZ": {"Azerbaijani+", "Azeri+"}, "BA": {"Bosnian+"}, "BB": {"Barbadian+", "Bajan+"},
	"BD": {"Bangladeshi+"}, "BE": {"Belgian+"}, "BF": {"Burkinabe", "Burkinabè"}, "BG": {"Bulgarian+"},
	"BH": {"Bahraini+"}, "BI": {"Burundian+"}, "BJ": {"Beninese"}, "BM": {"Bermudian+"}, "BN": {"Bruneian+"},
	"BO": {"Bolivian+"}, "BR": {"Brazilian+"}, "BS": {"Bahamian+"}, "BT": {"Bhutanese"}, "BW": {"Botswanan+", "Motswana", "Batswana"},
	"BY": {"Belarusian+", "Belarussian+"}, "BZ": {"Belizean+"}, "CA": {"Canadian+"}, "CD": {"Congolese"},
	"CF": {"Central African+"}, "CH": {"Swiss"}, "CI": {"Ivorian+"}, "CL": {"Chilean+"}, "CM": {"Cameroonian+"},
	"CN": {"Chinese"}, "CO": {"Colombian+"}, "CR": {"Costa Rican+"}, "CU": {"Cuban+"}, "CV": {"Cape Verdean+"},
	"CY": {"Cypriot+"}, "CZ": {"Czech+"}, "DE": {"German+"}, "DJ": {"Djiboutian+"}, "DK": {"Danish", "Dane+"},
	"DO": {"Dominican+"}, "DZ": {"Algerian+"}, "EC": {"Ecuadorian+", "Ecuadorean+"},
	"EE": {"Estonian+"}, "EG": {"Egyptian+"}, "ER": {"Eritrean+"}, "ES": {"Spanish", "Spaniard+"}, "ET": {"Ethiopian+"},
	"FI": {"Finnish", "Finn+"}, "FJ": {"Fijian+"}, "FR": {"French", "Frenchman", "Frenchmen", "Frenchwoman", "Frenchwomen"},
	"GA": {"Gabonese"}, "GB": {"British", "Briton+", "Brit+", "English", "Englishman", "Englishmen", "Scottish", "Scot+", "Welsh", "Welshman", "Welshmen"},
	"GD": {"Grenadian+"}, "GE": {"Georgian+"}, "GH": {"Ghanaian+"}, "GL": {"Greenlandic", "Greenlander+"}, "GM": {"Gambian+"},
	"GN": {"Guinean+"}, "GQ": {"Equatorial Guinean+", "Equatoguinean+"}, "GR": {"Greek+"}, "GT": {"Guatemalan+"},
	"GW": {"Bissau-Guinean+"}, "GY": {"Guyanese"}, "HK": {"Hong Konger+"}, "HN": {"Honduran+"}, "HR": {"Croatian+", "Croat+"},
	"HT": {"Haitian+"}, "HU": {"Hungarian+"}, "ID": {"Indonesian+"}, "IE": {"Irish", "Irishman", "Irishmen", "Irishwoman"},
	"IL": {"Israeli+"}, "IN": {"Indian+"}, "IQ": {"Iraqi+"}, "IR": {"Iranian+"}, "IS": {"Icelandic", "Icelander+"},
	"IT": {"Italian+"}, "JM": {"Jamaican+"}, "JO": {"Jordanian+"}, "JP": {"Japanese"}, "KE": {"Kenyan+"},
	"KG": {"Kyrgyz", "Kirghiz", "Kyrgyzstani+"}, "KH": {"Cambodian+"}, "KI": {"I-Kiribati"}, "KM": {"Comoran+", "Comorian+"},
	"KP": {"North Korean+"}, "KR": {"South Korean+", "Korean+"}, "KW": {"Kuwaiti+"}, "KZ": {"Kazakh+", "Kazakhstani+"},
	"LA": {"Lao", "Laotian+"}, "LB": {"Lebanese"}, "LC": {"Saint Lucian+", "St. Lucian+"}, "LI": {"Liechtensteiner+"},
	"LK": {"Sri Lankan+"}, "LR": {"Liberian+"}, "LS": {"Basotho", "Mosotho"}, "LT": {"Lithuanian+"},
	"LU": {"Luxembourgish", "Luxembourger+"}, "LV": {"Latvian+"}, "LY": {"Libyan+"}, "MA": {"Moroccan+"},
	"MC": {"Monegasque+", "Monacan+"}, "MD": {"Moldovan+"}, "ME": {"Montenegrin+"}, "MG": {"Malagasy"},
	"MH": {"Marshallese"}, "MK": {"Macedonian+", "North Macedonian+"}, "ML": {"Malian+"}, "MM": {"Burmese", "Myanmarese"},
	"MN": {"Mongolian+"}, "MR": {"Mauritanian+"}, "MT": {"Maltese"}, "MU": {"Mauritian+"}, "MV": {"Maldivian+"},
	"MW": {"Malawian+"}, "MX": {"Mexican+"}, "MY": {"Malaysian+"}, "MZ": {"Mozambican+"}, "NA": {"Namibian+"},
	"NE": {"Nigerien+"}, "NG": {"Nigerian+"}, "NI": {"Nicaraguan+"}, "NL": {"Dutch", "Dutchman", "Dutchmen", "Dutchwoman"},
	"NO": {"Norwegian+"}, "NP": {"Nepali+", "Nepalese"}, "NR": {"Nauruan+"}, "NZ": {"New Zealander+", "Kiwi+"},
	"OM": {"Omani+"}, "PA": {"Panamanian+"}, "PE": {"Peruvian+"}, "PG": {"Papua New Guinean+"}, "PH": {"Filipino+", "Filipina+", "Philippine"},
	"PK": {"Pakistani+"}, "PL": {"Polish", "Pole+"}, "PR": {"Puerto Rican+"}, "PS": {"Palestinian+"}, "PT": {"Portuguese"},
	"PW": {"Palauan+"}, "PY": {"Paraguayan+"}, "QA": {"Qatari+"}, "RO": {"Romanian+"}, "RS": {"Serbian+", "Serb+"},
	"RU": {"Russian+"}, "RW": {"Rwandan+"}, "SA": {"Saudi+", "Saudi Arabian+"}, "SB": {"Solomon Islander+"},
	"SC": {"Seychellois"}, "SD": {"Sudanese"}, "SE": {"Swedish", "Swede+"}, "SG": {"Singaporean+"},
	"SI": {"Slovenian+", "Slovene+"}, "SK": {"Slovak+", "Slovakian+"}, "SL": {"Sierra Leonean+"},
	"SM": {"Sammarinese"}, "SN": {"Senegalese"}, "SO": {"Somali+"}, "SR": {"Surinamese"}, "SS": {"South Sudanese"},
	"ST": {"Santomean+"}, "SV": {"Salvadoran+", "Salvadorean+"}, "SY": {"Syrian+"}, "SZ": {"Swazi+", "Emaswati"},
	"TD": {"Chadian+"}, "TG": {"Togolese"}, "TH": {"Thai+"}, "TJ": {"Tajik+", "Tajikistani+"}, "TL": {"Timorese", "East Timorese"},
	"TM": {"Turkmen", "Turkmenistani+"}, "TN": {"Tunisian+"}, "TO": {"Tongan+"}, "TR": {"Turkish", "Turk+"},
	"TT": {"Trinidadian+", "Tobagonian+"}, "TV": {"Tuvaluan+"}, "TW": {"Taiwanese"}, "TZ": {"Tanzanian+"},
	"UA": {"Ukrainian+"}, "UG": {"Ugandan+"}, "US": {"American+"}, "UY": {"Uruguayan+"}, "UZ": {"Uzbek+", "Uzbekistani+"},
	"VA": {"Vatican"}, "VC": {"Vincentian+"}, "VE": {"Venezuelan+"}, "VN": {"Vietnamese"}, "VU": {"Ni-Vanuatu"},
	"WS": {"Samoan+"}, "XK": {"Kosovar+", "Kosovan+"}, "YE": {"Yemeni+"}, "ZA": {"South African+"}, "ZM": {"Zambian+"},
	"ZW": {"Zimbabwean+"},
}

// extraCityNames are English names of cities that GeoNames lacks or that
// the alternate-name filter drops, each for the city's geonames id:
// "NYC" is an upper-case abbreviation like an airport code, "Frankfurt" is
// "Frankfurt am Main" in GeoNames.
var extraCityNames = map[int][]string{
	5128581: {"New York City", "NYC"}, // New York City
	2925533: {"Frankfurt"},            // Frankfurt am Main
}
