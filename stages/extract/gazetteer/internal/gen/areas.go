package main

import "strings"

// area is a curated continent, world region or body of water: its
// canonical name, GeoNames feature code, GeoNames id (0 when it has none
// worth citing) and the other names news gives it, separated by "|".
type area struct {
	name, feature string
	gid           int
	variants      string
}

// areas are the places news names that are neither countries nor GeoNames
// admin-1 regions nor cities: the continents (with their GeoNames ids),
// the world regions of foreign desks, and the seas, gulfs and straits of
// shipping and conflict news. cities15000 and regionInfo have none of
// them, and without them "Europe" or "the Middle East" would be unknown
// capitalised words. Feature codes follow GeoNames: CONT continent, RGN
// region, OCN ocean, SEA sea, GULF gulf, STRT strait, CNL canal.
var areas = []area{
	{"Africa", "CONT", 6255146, ""},
	{"Asia", "CONT", 6255147, ""},
	{"Europe", "CONT", 6255148, ""},
	{"North America", "CONT", 6255149, ""},
	{"South America", "CONT", 6255150, ""},
	{"Oceania", "CONT", 6255151, ""},
	{"Antarctica", "CONT", 6255152, ""},

	{"Middle East", "RGN", 0, "Mideast"},
	{"Latin America", "RGN", 0, ""},
	{"Central America", "RGN", 0, ""},
	{"Caribbean", "RGN", 0, ""},
	{"Americas", "RGN", 0, ""},
	{"Southeast Asia", "RGN", 0, "South-East Asia|South East Asia"},
	{"South Asia", "RGN", 0, ""},
	{"East Asia", "RGN", 0, ""},
	{"Central Asia", "RGN", 0, ""},
	{"Asia-Pacific", "RGN", 0, "Asia Pacific"},
	{"Indo-Pacific", "RGN", 0, ""},
	{"North Africa", "RGN", 0, ""},
	{"West Africa", "RGN", 0, ""},
	{"East Africa", "RGN", 0, ""},
	{"Central Africa", "RGN", 0, ""},
	{"Southern Africa", "RGN", 0, ""},
	{"Sub-Saharan Africa", "RGN", 0, "sub-Saharan Africa"},
	{"Horn of Africa", "RGN", 0, ""},
	{"Sahel", "RGN", 0, ""},
	{"Maghreb", "RGN", 0, ""},
	{"Levant", "RGN", 0, ""},
	{"Caucasus", "RGN", 0, "South Caucasus|North Caucasus"},
	{"Balkans", "RGN", 0, "Western Balkans"},
	{"Baltics", "RGN", 0, "Baltic states"},
	{"Scandinavia", "RGN", 0, ""},
	{"Eastern Europe", "RGN", 0, ""},
	{"Western Europe", "RGN", 0, ""},
	{"Central Europe", "RGN", 0, ""},
	{"Siberia", "RGN", 0, ""},
	{"Kashmir", "RGN", 0, ""},
	{"Sinai", "RGN", 0, "Sinai Peninsula"},
	{"Arctic", "RGN", 0, ""},
	{"Patagonia", "RGN", 0, ""},
	{"Midwest", "RGN", 0, ""},
	{"Pacific Northwest", "RGN", 0, ""},
	{"New England", "RGN", 0, ""},

	{"Pacific Ocean", "OCN", 0, "Pacific"},
	{"Atlantic Ocean", "OCN", 0, "Atlantic"},
	{"Indian Ocean", "OCN", 0, ""},
	{"Arctic Ocean", "OCN", 0, ""},
	{"Mediterranean Sea", "SEA", 0, "Mediterranean"},
	{"Black Sea", "SEA", 0, ""},
	{"Red Sea", "SEA", 0, ""},
	{"Baltic Sea", "SEA", 0, ""},
	{"North Sea", "SEA", 0, ""},
	{"Caspian Sea", "SEA", 0, ""},
	{"South China Sea", "SEA", 0, ""},
	{"East China Sea", "SEA", 0, ""},
	{"Sea of Azov", "SEA", 0, ""},
	{"Persian Gulf", "GULF", 0, "Arabian Gulf|Gulf"},
	{"Gulf of Mexico", "GULF", 0, ""},
	{"Gulf of Aden", "GULF", 0, ""},
	{"Strait of Hormuz", "STRT", 0, ""},
	{"Taiwan Strait", "STRT", 0, ""},
	{"Bosphorus", "STRT", 0, ""},
	{"Suez Canal", "CNL", 0, ""},
	{"Panama Canal", "CNL", 0, ""},
}

// addAreas adds the curated areas. They rank with countries: "Europe" is
// the continent before any town of that name.
func (g *gaz) addAreas() error {
	for _, a := range areas {
		e := &entry{kind: kindArea, name: a.name, feature: a.feature, gid: a.gid, class: classCountry, curated: true}
		e.names = append(e.names, a.name)
		if a.variants != "" {
			e.names = append(e.names, strings.Split(a.variants, "|")...)
		}
		g.add(e)
		g.counts["areas curated"]++
	}
	return nil
}
