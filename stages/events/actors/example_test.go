package actors_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/newsflow/newsflow/stages/events/actors"
)

func Example() {
	d, err := actors.Load()
	if err != nil {
		panic(err)
	}
	words := strings.Fields("RUSSIAN POLICEMEN DETAINED SUPPORTERS OF PRESIDENT VLADIMIR PUTIN")
	on := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < len(words); i++ {
		if n, code, ok := d.Actor(words, i, on); ok {
			fmt.Println(strings.Join(words[i:i+n], " "), "actor", code)
			i += n - 1
		} else if n, code, ok := d.Agent(words, i); ok {
			fmt.Println(strings.Join(words[i:i+n], " "), "agent", code, "→", actors.WithAgent("RUS", code))
			i += n - 1
		}
	}
	// Output:
	// RUSSIAN actor RUS
	// POLICEMEN agent ~COP → RUSCOP
	// PRESIDENT VLADIMIR PUTIN actor RUSGOV
}
