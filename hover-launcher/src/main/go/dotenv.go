package main

import (
	"strconv"
	"strings"
)

// The plain secrets file's dotenv syntax, read exactly as hover-model's
// dev.hover.secrets.DotenvParser reads it (its Javadoc is the specification): KEY=value,
// optional "export ", comments, literal single quotes, double quotes with \n \r \t \" \\ \$,
// values spanning lines, no expansion. Errors name the source and the line and never quote the
// text, since any line may hold a secret. Only ASCII characters have a meaning here, so working on
// UTF-8 bytes gives the result the Java parser gets on UTF-16 characters.

// dotenvEntry is one variable of the file.
type dotenvEntry struct {
	key   string
	value string
}

var lambdaReservedVariables = map[string]bool{"_HANDLER": true, "_X_AMZN_TRACE_ID": true, "TZ": true}

var reservedPrefixes = []string{"AWS_", "LAMBDA_", "HOVER_"}

type dotenvParser struct {
	source string
	text   string
	pos    int
	line   int
}

// parseDotenv returns the variables in file order; source names the file in errors.
func parseDotenv(text, source string) ([]dotenvEntry, error) {
	p := &dotenvParser{source: source, text: strings.ReplaceAll(strings.TrimPrefix(text, "\uFEFF"), "\r\n", "\n"), line: 1}
	entries, err := p.entries()
	if err != nil {
		return nil, err
	}
	return entries, nil
}

func (p *dotenvParser) entries() ([]dotenvEntry, *secretsError) {
	var entries []dotenvEntry
	lineOfKey := map[string]int{}
	for !p.atEnd() {
		p.skipBlanks()
		if p.atEnd() {
			break
		}
		if p.peek() == '\n' || p.peek() == '#' {
			p.skipToNextLine()
			continue
		}
		keyLine := p.line
		key, err := p.key()
		if err != nil {
			return nil, err
		}
		if earlier, set := lineOfKey[key]; set {
			return nil, p.error(keyLine, key+" is already set on line "+strconv.Itoa(earlier))
		}
		lineOfKey[key] = keyLine
		value, err := p.value()
		if err != nil {
			return nil, err
		}
		entries = append(entries, dotenvEntry{key: key, value: value})
		if err := p.endOfEntry(); err != nil {
			return nil, err
		}
	}
	return entries, nil
}

func (p *dotenvParser) key() (string, *secretsError) {
	if strings.HasPrefix(p.text[p.pos:], "export") && p.pos+6 < len(p.text) && isBlank(p.text[p.pos+6]) {
		p.pos += 6
		p.skipBlanks()
	}
	start := p.pos
	for !p.atEnd() && isKeyChar(p.peek()) {
		p.pos++
	}
	key := p.text[start:p.pos]
	if key == "" || key[0] >= '0' && key[0] <= '9' {
		return "", p.error(p.line, "expected KEY=value; a key starts with a letter or '_' and has only letters, digits and '_'")
	}
	p.skipBlanks()
	if p.atEnd() || p.peek() != '=' {
		// not naming the key: a line without '=' may be a pasted secret
		return "", p.error(p.line, "expected KEY=value; a key has only letters, digits and '_', and '=' follows it")
	}
	if problem := reservedVariableProblem(key); problem != "" {
		return "", p.error(p.line, problem)
	}
	p.pos++
	p.skipBlanks()
	return key, nil
}

// reservedVariableProblem is ManifestRules.ENVIRONMENT_VARIABLE for a well-formed name: the
// names Lambda and Hover set cannot be secrets.
func reservedVariableProblem(key string) string {
	if lambdaReservedVariables[key] {
		return key + " is reserved: Lambda sets it"
	}
	for _, prefix := range reservedPrefixes {
		if strings.HasPrefix(key, prefix) {
			setter := "Lambda"
			if prefix == "HOVER_" {
				setter = "Hover"
			}
			return key + " is reserved: " + prefix + "* variables are set by " + setter + " and cannot be changed here"
		}
	}
	return ""
}

func (p *dotenvParser) value() (string, *secretsError) {
	if p.atEnd() {
		return "", nil
	}
	switch p.peek() {
	case '\'':
		return p.singleQuoted()
	case '"':
		return p.doubleQuoted()
	default:
		return p.unquoted(), nil
	}
}

func (p *dotenvParser) singleQuoted() (string, *secretsError) {
	opened := p.line
	p.pos++
	start := p.pos
	for !p.atEnd() && p.peek() != '\'' {
		p.advance()
	}
	if p.atEnd() {
		return "", p.error(opened, "the single-quoted value opened here is never closed")
	}
	value := p.text[start:p.pos]
	p.pos++
	return value, nil
}

func (p *dotenvParser) doubleQuoted() (string, *secretsError) {
	opened := p.line
	p.pos++
	var value strings.Builder
	for !p.atEnd() && p.peek() != '"' {
		c := p.advance()
		if c != '\\' {
			value.WriteByte(c)
			continue
		}
		if p.atEnd() {
			break
		}
		escapeLine := p.line
		switch p.advance() {
		case 'n':
			value.WriteByte('\n')
		case 'r':
			value.WriteByte('\r')
		case 't':
			value.WriteByte('\t')
		case '"':
			value.WriteByte('"')
		case '\\':
			value.WriteByte('\\')
		case '$':
			value.WriteByte('$')
		default:
			return "", p.error(escapeLine, "unknown escape in a double-quoted value; known escapes are "+
				"\\n \\r \\t \\\" \\\\ \\$ (use single quotes for a literal backslash)")
		}
	}
	if p.atEnd() {
		return "", p.error(opened, "the double-quoted value opened here is never closed")
	}
	p.pos++
	return value.String(), nil
}

func (p *dotenvParser) unquoted() string {
	start := p.pos
	for !p.atEnd() && p.peek() != '\n' && !(p.peek() == '#' && isBlank(p.text[p.pos-1])) {
		p.pos++
	}
	return javaStrip(p.text[start:p.pos])
}

// endOfEntry: after a value, only blanks and a comment may follow on its (last) line.
func (p *dotenvParser) endOfEntry() *secretsError {
	p.skipBlanks()
	if p.atEnd() {
		return nil
	}
	if p.peek() == '#' && isBlank(p.text[p.pos-1]) || p.peek() == '\n' {
		p.skipToNextLine()
		return nil
	}
	return p.error(p.line, "unexpected text after the closing quote; put a comment after a space and '#'")
}

func (p *dotenvParser) skipBlanks() {
	for !p.atEnd() && isBlank(p.peek()) {
		p.pos++
	}
}

func (p *dotenvParser) skipToNextLine() {
	for !p.atEnd() && p.advance() != '\n' {
		// the rest of the line is a comment or the line break itself
	}
}

func (p *dotenvParser) advance() byte {
	c := p.text[p.pos]
	p.pos++
	if c == '\n' {
		p.line++
	}
	return c
}

func (p *dotenvParser) peek() byte {
	return p.text[p.pos]
}

func (p *dotenvParser) atEnd() bool {
	return p.pos >= len(p.text)
}

func isBlank(c byte) bool {
	return c == ' ' || c == '\t'
}

func isKeyChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}

func (p *dotenvParser) error(atLine int, message string) *secretsError {
	return fail(reasonSyntax, p.source+", line "+strconv.Itoa(atLine)+": "+message)
}
