package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The Java reader trims with String.strip and tests with Character.isWhitespace, whose idea of
// white space is not Go's unicode.IsSpace (no-break spaces are not white space there, U+001C to
// U+001F are): these helpers make both readers of a file agree on every byte.

func isJavaWhitespace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F:
		return true
	case 0x00A0, 0x2007, 0x202F:
		return false
	}
	return unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp)
}

// javaStrip is String.strip.
func javaStrip(s string) string {
	return strings.TrimFunc(s, isJavaWhitespace)
}

// javaIsBlank is String.isBlank.
func javaIsBlank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !isJavaWhitespace(r) }) < 0
}

// javaLength is String.length: UTF-16 code units.
func javaLength(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// startsWithJavaWhitespace is Character.isWhitespace(s.charAt(0)) on a non-empty string.
func startsWithJavaWhitespace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isJavaWhitespace(r)
}
