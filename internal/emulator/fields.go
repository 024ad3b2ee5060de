package emulator

import (
	"fmt"
	"strings"
)

// field is one entry of a Graph `fields` parameter, e.g. `media.limit(3){id,caption}`
// or `business_discovery.username(bluebottle){followers_count}`.
type field struct {
	Name string
	Mods []modifier // `.name(arg)` in order
	Sub  []field    // `{…}` sub-selection; nil without braces (never empty with them)
}

type modifier struct{ Name, Arg string }

// mod returns the argument of a modifier and whether it was present.
func (f field) mod(name string) (string, bool) {
	for _, m := range f.Mods {
		if m.Name == name {
			return m.Arg, true
		}
	}
	return "", false
}

// String renders the field back into Graph syntax (used in nested paging URLs).
func (f field) String() string {
	var b strings.Builder
	b.WriteString(f.Name)
	for _, m := range f.Mods {
		fmt.Fprintf(&b, ".%s(%s)", m.Name, m.Arg)
	}
	if f.Sub != nil {
		b.WriteString("{" + fieldsString(f.Sub) + "}")
	}
	return b.String()
}

func fieldsString(fs []field) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.String()
	}
	return strings.Join(parts, ",")
}

// parseFields parses the `fields` grammar:
//
//	list     = field { "," field }
//	field    = name { "." name "(" arg ")" } [ "{" list "}" ]
//
// Whitespace around tokens is ignored. An empty string yields no fields.
func parseFields(s string) ([]field, error) {
	p := &fieldParser{s: s}
	p.skipSpace()
	if p.done() {
		return nil, nil
	}
	fs, err := p.list()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if !p.done() {
		return nil, p.errorf("Expected end of string instead of \"%c\"", p.s[p.i])
	}
	return fs, nil
}

type fieldParser struct {
	s string
	i int
}

func (p *fieldParser) done() bool { return p.i >= len(p.s) }

func (p *fieldParser) skipSpace() {
	for !p.done() && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n') {
		p.i++
	}
}

// syntaxError carries Graph's message text verbatim (capitalized, unlike Go errors).
type syntaxError string

func (e syntaxError) Error() string { return string(e) }

func (p *fieldParser) errorf(format string, args ...any) error {
	return syntaxError(fmt.Sprintf("Syntax error \"%s\" at character %d: %s", fmt.Sprintf(format, args...), p.i, p.s))
}

func (p *fieldParser) list() ([]field, error) {
	var fs []field
	for {
		f, err := p.field()
		if err != nil {
			return nil, err
		}
		fs = append(fs, f)
		p.skipSpace()
		if p.done() || p.s[p.i] != ',' {
			return fs, nil
		}
		p.i++
	}
}

func (p *fieldParser) name() (string, error) {
	p.skipSpace()
	start := p.i
	for !p.done() {
		c := p.s[p.i]
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			p.i++
			continue
		}
		break
	}
	if start == p.i {
		if p.done() {
			return "", p.errorf("Expected name instead of end of string")
		}
		return "", p.errorf("Expected name instead of \"%c\"", p.s[p.i])
	}
	return p.s[start:p.i], nil
}

func (p *fieldParser) field() (field, error) {
	var f field
	var err error
	if f.Name, err = p.name(); err != nil {
		return f, err
	}
	for {
		p.skipSpace()
		if p.done() || p.s[p.i] != '.' {
			break
		}
		p.i++
		var m modifier
		if m.Name, err = p.name(); err != nil {
			return f, err
		}
		p.skipSpace()
		if p.done() || p.s[p.i] != '(' {
			return f, p.errorf("Expected \"(\" after modifier %s", m.Name)
		}
		end := strings.IndexByte(p.s[p.i:], ')')
		if end < 0 {
			return f, p.errorf("Expected \")\" instead of end of string")
		}
		m.Arg = strings.TrimSpace(p.s[p.i+1 : p.i+end])
		p.i += end + 1
		f.Mods = append(f.Mods, m)
	}
	p.skipSpace()
	if !p.done() && p.s[p.i] == '{' {
		p.i++
		if f.Sub, err = p.list(); err != nil {
			return f, err
		}
		p.skipSpace()
		if p.done() || p.s[p.i] != '}' {
			return f, p.errorf("Expected \"}\"")
		}
		p.i++
	}
	return f, nil
}
