package bounds

import "testing"

// TestLimits: a zero field stands for its bound's default, in Get and
// OrDefaults alike; Set sets one bound and leaves the others.
func TestLimits(t *testing.T) {
	d := Defaults()
	for _, b := range All() {
		if got := d.Get(b); got != b.Default {
			t.Errorf("Defaults().Get(%s) = %d, want %d", b.Flag, got, b.Default)
		}
		if got := (Limits{}).Get(b); got != b.Default {
			t.Errorf("Limits{}.Get(%s) = %d, want %d", b.Flag, got, b.Default)
		}
	}
	var l Limits
	l.Set(Nesting, 5)
	got := l.OrDefaults()
	want := Defaults()
	want.Nesting = 5
	if got != want {
		t.Errorf("OrDefaults() = %+v, want %+v", got, want)
	}
	if got := Nesting.Exceeded("it reaches", 6, got.Nesting); got != "it reaches 6 levels, past the nesting depth bound of 5 (raise it with -max-nesting=N)" {
		t.Errorf("Exceeded = %q", got)
	}
}
