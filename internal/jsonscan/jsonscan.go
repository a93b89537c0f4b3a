// Package jsonscan reads JSON texts in one pass without reflection, for the
// large documents vpcplan reads (state files of 100,000 instances): callers
// walk the structure they expect and take sub-slices of what they keep as
// raw JSON, so nothing is scanned or copied twice.
package jsonscan

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Reader reads one JSON text from B, starting at I. Its methods consume
// one element each and report malformed input as an error naming the
// byte offset.
type Reader struct {
	B []byte
	I int

	depth int // objects and arrays open at I
}

// MaxDepth is the deepest nesting of objects and arrays a Reader accepts:
// encoding/json's limit, so that both accept the same texts, and a bound
// on the recursion of Skip.
const MaxDepth = 10000

// enter opens an object or array, failing past MaxDepth.
func (r *Reader) enter() error {
	if r.depth++; r.depth > MaxDepth {
		return r.Errorf("nesting deeper than %d", MaxDepth)
	}
	return nil
}

// Errorf returns an error at the reader's position.
func (r *Reader) Errorf(format string, args ...any) error {
	return fmt.Errorf("invalid JSON at byte %d: %s", r.I, fmt.Sprintf(format, args...))
}

// SkipSpace advances past white space.
func (r *Reader) SkipSpace() {
	for r.I < len(r.B) {
		switch r.B[r.I] {
		case ' ', '\t', '\n', '\r':
			r.I++
		default:
			return
		}
	}
}

// Peek returns the next byte after white space, or 0 at the end.
func (r *Reader) Peek() byte {
	r.SkipSpace()
	if r.I == len(r.B) {
		return 0
	}
	return r.B[r.I]
}

// End fails unless only white space is left.
func (r *Reader) End() error {
	if r.SkipSpace(); r.I != len(r.B) {
		return r.Errorf("unexpected %q after the value", r.B[r.I])
	}
	return nil
}

// Literal consumes the word (true, false, null) or fails.
func (r *Reader) Literal(word string) error {
	r.SkipSpace()
	if len(r.B)-r.I < len(word) || string(r.B[r.I:r.I+len(word)]) != word {
		return r.Errorf("expected %s", word)
	}
	r.I += len(word)
	return nil
}

// Null consumes a null if one is next and reports whether it did; a
// malformed null is an error.
func (r *Reader) Null() (bool, error) {
	if r.Peek() != 'n' {
		return false, nil
	}
	return true, r.Literal("null")
}

// Bool reads true or false.
func (r *Reader) Bool() (bool, error) {
	switch r.Peek() {
	case 't':
		return true, r.Literal("true")
	case 'f':
		return false, r.Literal("false")
	}
	return false, r.Errorf("expected a bool")
}

// Number returns the literal of a number, which must follow JSON's
// grammar exactly (encoding/json rejects "+1", "01", "1.", "1.2.3").
func (r *Reader) Number() (string, error) {
	r.SkipSpace()
	start := r.I
	digits := func() int {
		n := 0
		for r.I < len(r.B) && r.B[r.I] >= '0' && r.B[r.I] <= '9' {
			r.I++
			n++
		}
		return n
	}
	if r.I < len(r.B) && r.B[r.I] == '-' {
		r.I++
	}
	switch {
	case r.I < len(r.B) && r.B[r.I] == '0':
		r.I++
	case digits() == 0:
		r.I = start
		return "", r.Errorf("expected a number")
	}
	if r.I < len(r.B) && r.B[r.I] == '.' {
		r.I++
		if digits() == 0 {
			return "", r.Errorf("expected a digit after the decimal point")
		}
	}
	if r.I < len(r.B) && (r.B[r.I] == 'e' || r.B[r.I] == 'E') {
		r.I++
		if r.I < len(r.B) && (r.B[r.I] == '+' || r.B[r.I] == '-') {
			r.I++
		}
		if digits() == 0 {
			return "", r.Errorf("expected a digit in the exponent")
		}
	}
	return string(r.B[start:r.I]), nil
}

// Uint reads a non-negative integer.
func (r *Reader) Uint() (uint64, error) {
	lit, err := r.Number()
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseUint(lit, 10, 64)
	if err != nil {
		return 0, r.Errorf("%s is not a non-negative integer", lit)
	}
	return n, nil
}

// Members reads an object, calling member for each key with the reader at
// its value; member must consume the value.
func (r *Reader) Members(member func(key string) error) error {
	if r.Peek() != '{' {
		return r.Errorf("expected an object")
	}
	if err := r.enter(); err != nil {
		return err
	}
	defer func() { r.depth-- }()
	r.I++
	for first := true; ; first = false {
		c := r.Peek()
		if c == '}' && first {
			r.I++
			return nil
		}
		if c != '"' {
			return r.Errorf("expected an object key")
		}
		key, err := r.String()
		if err != nil {
			return err
		}
		if r.Peek() != ':' {
			return r.Errorf("expected ':'")
		}
		r.I++
		if err := member(key); err != nil {
			return err
		}
		if done, err := r.endOrComma('}'); err != nil || done {
			return err
		}
	}
}

// Elements reads an array, calling elem with the reader at each element;
// elem must consume it.
func (r *Reader) Elements(elem func() error) error {
	if r.Peek() != '[' {
		return r.Errorf("expected an array")
	}
	if err := r.enter(); err != nil {
		return err
	}
	defer func() { r.depth-- }()
	r.I++
	if r.Peek() == ']' {
		r.I++
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		if done, err := r.endOrComma(']'); err != nil || done {
			return err
		}
	}
}

// endOrComma consumes a ',' (done false) or the closing byte (done true).
func (r *Reader) endOrComma(end byte) (done bool, err error) {
	switch r.Peek() {
	case ',':
		r.I++
		return false, nil
	case end:
		r.I++
		return true, nil
	}
	return false, r.Errorf("expected ',' or %q", end)
}

// Skip reads and discards any value.
func (r *Reader) Skip() error {
	switch r.Peek() {
	case '"':
		_, err := r.String()
		return err
	case '{':
		return r.Members(func(string) error { return r.Skip() })
	case '[':
		return r.Elements(r.Skip)
	case 't':
		return r.Literal("true")
	case 'f':
		return r.Literal("false")
	case 'n':
		return r.Literal("null")
	}
	_, err := r.Number()
	return err
}

// Raw reads any value and returns its text, a sub-slice of B.
func (r *Reader) Raw() ([]byte, error) {
	r.SkipSpace()
	start := r.I
	if err := r.Skip(); err != nil {
		return nil, err
	}
	return r.B[start:r.I:r.I], nil
}

// String reads a string, the reader at its opening quote (after white
// space).
func (r *Reader) String() (string, error) {
	if r.Peek() != '"' {
		return "", r.Errorf("expected a string")
	}
	r.I++
	start := r.I
	// The common case: no escapes.
	for r.I < len(r.B) {
		c := r.B[r.I]
		if c == '"' {
			s := r.B[start:r.I]
			r.I++
			if !utf8.Valid(s) {
				return "", r.Errorf("string is not valid UTF-8")
			}
			return string(s), nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
		r.I++
	}
	buf := append([]byte(nil), r.B[start:r.I]...)
	for r.I < len(r.B) {
		c := r.B[r.I]
		switch {
		case c == '"':
			r.I++
			if !utf8.Valid(buf) {
				return "", r.Errorf("string is not valid UTF-8")
			}
			return string(buf), nil
		case c < 0x20:
			return "", r.Errorf("control character in a string")
		case c != '\\':
			buf = append(buf, c)
			r.I++
			continue
		}
		if r.I+1 >= len(r.B) {
			break
		}
		esc := r.B[r.I+1]
		r.I += 2
		switch esc {
		case '"', '\\', '/':
			buf = append(buf, esc)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			ru, ok := r.hex4()
			if !ok {
				return "", r.Errorf("invalid \\u escape")
			}
			if utf16.IsSurrogate(ru) {
				// A surrogate pair is two escapes; a lone half is U+FFFD,
				// as encoding/json decodes it.
				save := r.I
				if r.I+1 < len(r.B) && r.B[r.I] == '\\' && r.B[r.I+1] == 'u' {
					r.I += 2
					if lo, ok := r.hex4(); ok {
						if dec := utf16.DecodeRune(ru, lo); dec != utf8.RuneError {
							buf = utf8.AppendRune(buf, dec)
							continue
						}
					}
				}
				r.I = save
				ru = utf8.RuneError
			}
			buf = utf8.AppendRune(buf, ru)
		default:
			r.I -= 2
			return "", r.Errorf("invalid escape \\%c", esc)
		}
	}
	return "", r.Errorf("unterminated string")
}

// hex4 reads four hex digits.
func (r *Reader) hex4() (rune, bool) {
	if len(r.B)-r.I < 4 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(r.B[r.I:r.I+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	r.I += 4
	return rune(n), true
}
