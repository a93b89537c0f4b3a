package policydoc

import (
	"hash/crc32"
	"sort"
	"strconv"
	"strings"
)

// The provider reads principals and condition blocks as terraform-plugin-sdk
// (v2) sets, whose List method orders elements by the decimal text of their
// hash codes, compared as strings. That order decides the rendered JSON when
// several principals share a type or several conditions share a test and a
// variable, so it is reproduced here: a hash code is the CRC-32 (IEEE) of
// the element's serialization (SerializeResourceForHash for blocks,
// SerializeValueForHash for strings), as a non-negative number.

// sdkHashcode is hashcode.String of terraform-plugin-sdk and
// create.StringHashcode of the provider, on a 64-bit platform.
func sdkHashcode(s string) string {
	return strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(s))), 10)
}

// sdkSetOrder returns the indices of the elements whose serializations are
// keys, in the SDK's List order. Elements with equal hash codes collapse to
// the first, as Set.Add keeps the first.
func sdkSetOrder(keys []string) []int {
	type entry struct {
		code string
		i    int
	}
	seen := map[string]bool{}
	var entries []entry
	for i, k := range keys {
		code := sdkHashcode(k)
		if seen[code] {
			continue
		}
		seen[code] = true
		entries = append(entries, entry{code, i})
	}
	sort.Slice(entries, func(a, b int) bool { return entries[a].code < entries[b].code })
	out := make([]int, len(entries))
	for j, e := range entries {
		out[j] = e.i
	}
	return out
}

// sdkStringSet returns the strings in the order of an SDK set of strings.
func sdkStringSet(l []string) []string {
	keys := make([]string, len(l))
	for i, s := range l {
		keys[i] = s + ";"
	}
	order := sdkSetOrder(keys)
	out := make([]string, len(order))
	for j, i := range order {
		out[j] = l[i]
	}
	return out
}

// principalHashKey serializes a principals block for hashing:
// identifiers:{a;b;};type:AWS;
func principalHashKey(typ string, identifiers []string) string {
	var b strings.Builder
	b.WriteString("identifiers:{")
	for _, id := range sdkStringSet(identifiers) {
		b.WriteString(id)
		b.WriteByte(';')
	}
	b.WriteString("};type:")
	b.WriteString(typ)
	b.WriteByte(';')
	return b.String()
}

// conditionHashKey serializes a condition block for hashing:
// test:StringLike;values:(a;b;);variable:s3:prefix;
func conditionHashKey(test, variable string, values []string) string {
	var b strings.Builder
	b.WriteString("test:")
	b.WriteString(test)
	b.WriteString(";values:(")
	for _, v := range values {
		b.WriteString(v)
		b.WriteByte(';')
	}
	b.WriteString(");variable:")
	b.WriteString(variable)
	b.WriteByte(';')
	return b.String()
}
