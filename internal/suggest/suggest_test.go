package suggest

import "testing"

func TestClosest(t *testing.T) {
	candidates := []string{"dynamodb", "s3", "sts"}
	tests := map[string]string{"s4": "s3", "dynamo": "dynamodb", "dynamodbb": "dynamodb", "lambda": ""}
	for given, want := range tests {
		if got := Closest(given, candidates); got != want {
			t.Errorf("Closest(%q) = %q, want %q", given, got, want)
		}
	}
	if got := Closest("s", []string{"s1", "s2"}); got != "s1" {
		t.Errorf("on a tie got %q, want the first candidate", got)
	}
}
