package gazetteer

import (
	"runtime"
	"testing"
	"time"
)

// TestLoadTime measures loading the embedded data; the budget is 100 ms on
// a quiet machine, but tests run beside others (and under -race), so only
// a gross regression fails.
func TestLoadTime(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	tb, err := parse(entriesData, namesData)
	if err != nil {
		t.Fatal(err)
	}
	loaded := time.Since(start)
	if err := tb.buildFold(); err != nil {
		t.Fatal(err)
	}
	folded := time.Since(start) - loaded
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(tb)
	t.Logf("load %v, fold index %v more, %.1f MB live; %d entries, %d names, %d bytes embedded",
		loaded, folded, float64(after.HeapAlloc-before.HeapAlloc)/1e6, len(tb.entries), numNames, len(entriesData)+len(namesData))
	if loaded+folded > 5*time.Second {
		t.Errorf("load took %v", loaded+folded)
	}
}

func TestZeroAllocs(t *testing.T) {
	Load()
	long := string(make([]byte, 500))
	longAccented := long + "é"
	checks := map[string]func(){
		"Lookup":             func() { Lookup("Saint Petersburg") },
		"Lookup miss":        func() { Lookup("Zzyzx Qqq") },
		"Lookup diacritics":  func() { Lookup("Luiz Inácio Lula da Silva") },
		"Lookup long":        func() { Lookup(longAccented) },
		"LookupFold":         func() { LookupFold("VLADIMIR PUTIN") },
		"LookupFold unicode": func() { LookupFold("côte d'ivoire") },
		"LookupFold long":    func() { LookupFold(long) },
		"Demonym":            func() { Demonym("Ukrainians") },
		"FirstName":          func() { FirstName("Karoline") },
		"Role":               func() { Role("Press Secretary") },
		"CommonWord":         func() { CommonWord("Reading") },
		"CountryName":        func() { CountryName("RU") },
		"LookupCountry":      func() { LookupCountry("RU") },
	}
	for name, fn := range checks {
		if n := testing.AllocsPerRun(100, fn); n != 0 {
			t.Errorf("%s: %v allocations", name, n)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(entriesData, namesData); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadFold(b *testing.B) {
	tb, err := parse(entriesData, namesData)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := tb.buildFold(); err != nil {
			b.Fatal(err)
		}
	}
}

var spans = []string{"Saint Petersburg", "Kyiv", "Vladimir Putin", "Kremlin", "Said", "Monday", "Paris", "the White House", "New York City", "Zzyzx"}

func BenchmarkLookup(b *testing.B) {
	Load()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Lookup(spans[i%len(spans)])
		i++
	}
}

func BenchmarkLookupFold(b *testing.B) {
	Load()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		LookupFold(spans[i%len(spans)])
		i++
	}
}

func BenchmarkDemonym(b *testing.B) {
	Load()
	b.ReportAllocs()
	for b.Loop() {
		Demonym("Ukrainians")
	}
}

func BenchmarkRole(b *testing.B) {
	Load()
	b.ReportAllocs()
	for b.Loop() {
		Role("Prime Minister")
	}
}
